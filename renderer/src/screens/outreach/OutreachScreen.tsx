import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityInput, SignalInput, type Activity, type Signal } from '../../../../shared/contract';
import { futureSignalFields } from '../../../../shared/futureDates';
import { localMinute } from '../../../../shared/time';
import { fieldErrors } from '../../components/form/fieldErrors';
import { CodeSelect, NumberField, TextField } from '../../components/form/fields';
import { useRecordForm } from '../../components/form/useRecordForm';
import { useOutreachStore } from '../../stores/outreachStore';
import { formatDate } from '../cases/format';
import { BoardAdvicesSection } from './BoardAdvicesSection';
import { ListForm, listFormOptions, RecordSection, type FormProps } from './RecordSection';

const today = () => localMinute(new Date()).slice(0, 10);
/** A signal as the form holds it: its theme is the adviser's pick, never a preselected one. */
type SignalDraft = Omit<SignalInput, 'theme'> & { theme: SignalInput['theme'] | null };
const newSignal = (): SignalDraft => ({ notedOn: today(), unit: '', theme: null, note: '' });
const newActivity = (): ActivityInput => ({ heldOn: today(), type: 'presentation', audience: '', attendees: 0 });

function SignalForm(props: FormProps<SignalDraft>) {
  const { t } = useTranslation();
  const form = useRecordForm(listFormOptions(props, (value) => fieldErrors(SignalInput, value, futureSignalFields(value, new Date()))));
  return (
    <ListForm form={form} title={props.title} onCancel={props.onCancel}>
      <TextField label={t('outreach.date')} type="date" value={form.value.notedOn} onChange={(notedOn) => form.change({ notedOn })} error={form.shown.notedOn} />
      <TextField label={t('outreach.unit')} value={form.value.unit} onChange={(unit) => form.change({ unit })} error={form.shown.unit} />
      <CodeSelect list="nature" label={t('outreach.theme')} value={form.value.theme} onChange={(theme) => form.change({ theme })} emptyLabel={t('form.choose')} error={form.shown.theme} />
      <TextField label={t('outreach.note')} value={form.value.note} onChange={(note) => form.change({ note })} error={form.shown.note} />
    </ListForm>
  );
}

function ActivityForm(props: FormProps<ActivityInput>) {
  const { t } = useTranslation();
  const form = useRecordForm(listFormOptions(props, (value) => fieldErrors(ActivityInput, value)));
  return (
    <ListForm form={form} title={props.title} onCancel={props.onCancel}>
      <TextField label={t('outreach.date')} type="date" value={form.value.heldOn} onChange={(heldOn) => form.change({ heldOn })} error={form.shown.heldOn} />
      <CodeSelect list="activityType" label={t('outreach.type')} value={form.value.type} onChange={(type) => type && form.change({ type })} />
      <TextField label={t('outreach.audience')} value={form.value.audience} onChange={(audience) => form.change({ audience })} error={form.shown.audience} />
      <NumberField label={t('outreach.attendees')} value={form.value.attendees} onChange={(attendees) => form.change({ attendees: attendees ?? 0 })} error={form.shown.attendees} />
    </ListForm>
  );
}

function SignalsSection() {
  const { t, i18n } = useTranslation();
  const { signals, addSignal, updateSignal, removeSignal } = useOutreachStore();
  return (
    <RecordSection<SignalDraft, Signal>
      id="signals"
      title={t('outreach.signals')}
      hint={t('outreach.signalsHint')}
      columns={[
        { header: t('outreach.date'), cell: (signal) => formatDate(signal.notedOn, i18n.language) },
        { header: t('outreach.unit'), cell: (signal) => signal.unit },
        { header: t('outreach.theme'), cell: (signal) => t(`taxonomy.nature.${signal.theme}`) },
        { header: t('outreach.note'), cell: (signal) => signal.note },
      ]}
      rows={signals}
      Form={SignalForm}
      newInput={newSignal}
      addLabel={t('outreach.addSignal')}
      deleteQuestion={t('outreach.confirmDeleteSignal')}
      // The form saves only what the shared schema accepts, so parsing only narrows the unchosen theme away.
      onAdd={(draft) => addSignal(SignalInput.parse(draft))}
      onUpdate={(id, draft) => updateSignal(id, SignalInput.parse(draft))}
      onRemove={removeSignal}
    />
  );
}

function ActivitiesSection() {
  const { t, i18n } = useTranslation();
  const { activities, addActivity, updateActivity, removeActivity } = useOutreachStore();
  return (
    <RecordSection<ActivityInput, Activity>
      id="activities"
      title={t('outreach.activities')}
      columns={[
        { header: t('outreach.date'), cell: (activity) => formatDate(activity.heldOn, i18n.language) },
        { header: t('outreach.type'), cell: (activity) => t(`taxonomy.activityType.${activity.type}`) },
        { header: t('outreach.audience'), cell: (activity) => activity.audience },
        { header: t('outreach.attendees'), cell: (activity) => activity.attendees },
      ]}
      rows={activities}
      Form={ActivityForm}
      newInput={newActivity}
      addLabel={t('outreach.addActivity')}
      deleteQuestion={t('outreach.confirmDeleteActivity')}
      onAdd={addActivity}
      onUpdate={updateActivity}
      onRemove={removeActivity}
    />
  );
}

export function OutreachScreen() {
  const { t } = useTranslation();
  const load = useOutreachStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="outreach">
      <h1>{t('outreach.title')}</h1>
      <SignalsSection />
      <ActivitiesSection />
      <BoardAdvicesSection />
    </div>
  );
}
