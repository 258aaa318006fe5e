import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseStore } from '../../stores/caseStore';
import { useFollowUpStore } from '../../stores/followUpStore';
import { leaveTo } from '../../drafts/leaveGuard';
import { CaseForm } from './CaseForm';
import { emptyCase } from './caseForm/caseDraft';
import { editableCase } from './editableCase';
import { NeedsAttentionNotice } from './NeedsAttentionNotice';

export function NewCaseScreen() {
  const { t } = useTranslation();
  const { create, createIncomplete } = useCaseStore();
  return (
    <section aria-labelledby="new-case-title">
      <h1 id="new-case-title">{t('caseForm.newTitle')}</h1>
      <CaseForm
        draftKey="case:new"
        caseId={null}
        initial={emptyCase()}
        onSave={async (input) => leaveTo({ name: 'case', id: await create(input) })}
        onSaveIncomplete={async (input) => leaveTo({ name: 'case', id: await createIncomplete(input) })}
        onCancel={() => leaveTo({ name: 'cases' })}
      />
    </section>
  );
}

export function EditCaseScreen({ id }: { id: number }) {
  const { t } = useTranslation();
  const { record, load, update, updateIncomplete } = useCaseStore();
  useEffect(() => {
    if (record?.id !== id) void load(id);
  }, [id, record, load]);
  if (!record || record.id !== id) return <p role="status">{t('caseList.loading')}</p>;
  return (
    <section aria-labelledby="edit-case-title">
      <h1 id="edit-case-title">{t('caseForm.editTitle', { number: record.number })}</h1>
      {record.needsAttention && <NeedsAttentionNotice />}
      <CaseForm
        draftKey={`case:${id}`}
        caseId={id}
        initial={editableCase(record)}
        onSave={async (input) => {
          await update(id, input);
          // Closed here rather than with 'Zaak sluiten': the case page asks about its open steps.
          if (record.status === 'open' && input.status === 'closed') useFollowUpStore.setState({ closedWithoutAnswer: id });
          leaveTo({ name: 'case', id });
        }}
        onSaveIncomplete={async (input) => {
          await updateIncomplete(id, input);
          leaveTo({ name: 'case', id });
        }}
        onCancel={() => leaveTo({ name: 'case', id })}
      />
    </section>
  );
}
