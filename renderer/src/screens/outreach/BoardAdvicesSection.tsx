import { useTranslation } from 'react-i18next';
import { BoardAdviceInput, type BoardAdvice } from '../../../../shared/contract';
import { futureBoardAdviceFields } from '../../../../shared/futureDates';
import { localMinute } from '../../../../shared/time';
import { fieldErrors } from '../../components/form/fieldErrors';
import { CodeSelect, NumberField, TextField } from '../../components/form/fields';
import { useRecordForm } from '../../components/form/useRecordForm';
import { useOutreachStore } from '../../stores/outreachStore';
import { formatDate } from '../cases/format';
import { ListForm, listFormOptions, RecordSection, type FormProps } from './RecordSection';

const today = () => localMinute(new Date()).slice(0, 10);
const newBoardAdvice = (): BoardAdviceInput => ({ givenOn: today(), reportsConcerned: 1, response: 'pending', note: '' });

/** Advice already given: the core refuses a date ahead, so the form says so first. */
function BoardAdviceForm(props: FormProps<BoardAdviceInput>) {
  const { t } = useTranslation();
  const form = useRecordForm(listFormOptions(props, (value) => fieldErrors(BoardAdviceInput, value, futureBoardAdviceFields(value, new Date()))));
  return (
    <ListForm form={form} title={props.title} onCancel={props.onCancel}>
      <TextField label={t('outreach.givenOn')} type="date" value={form.value.givenOn} onChange={(givenOn) => form.change({ givenOn })} error={form.shown.givenOn} />
      <NumberField
        label={t('outreach.reportsConcerned')}
        value={form.value.reportsConcerned}
        onChange={(reportsConcerned) => form.change({ reportsConcerned: reportsConcerned ?? 0 })}
        error={form.shown.reportsConcerned}
      />
      <CodeSelect list="boardAdviceResponse" label={t('outreach.boardResponse')} value={form.value.response} onChange={(response) => response && form.change({ response })} />
      <TextField label={t('outreach.note')} value={form.value.note} onChange={(note) => form.change({ note })} error={form.shown.note} />
    </ListForm>
  );
}

/** Formal written advice to the board to start an investigation; one may follow several reports. */
export function BoardAdvicesSection() {
  const { t, i18n } = useTranslation();
  const { boardAdvices, addBoardAdvice, updateBoardAdvice, removeBoardAdvice } = useOutreachStore();
  return (
    <RecordSection<BoardAdviceInput, BoardAdvice>
      id="board-advices"
      title={t('outreach.boardAdvices')}
      hint={t('outreach.boardAdvicesHint')}
      columns={[
        { header: t('outreach.givenOn'), cell: (advice) => formatDate(advice.givenOn, i18n.language) },
        { header: t('outreach.reportsConcerned'), cell: (advice) => advice.reportsConcerned },
        { header: t('outreach.boardResponse'), cell: (advice) => t(`taxonomy.boardAdviceResponse.${advice.response}`) },
        { header: t('outreach.note'), cell: (advice) => advice.note },
      ]}
      rows={boardAdvices}
      Form={BoardAdviceForm}
      newInput={newBoardAdvice}
      addLabel={t('outreach.addBoardAdvice')}
      deleteQuestion={t('outreach.confirmDeleteBoardAdvice')}
      onAdd={addBoardAdvice}
      onUpdate={updateBoardAdvice}
      onRemove={removeBoardAdvice}
    />
  );
}
