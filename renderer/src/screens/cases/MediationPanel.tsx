import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Mediation, type CaseRecord } from '../../../../shared/contract';
import { futureMediationFields } from '../../../../shared/futureDates';
import { localMinute } from '../../../../shared/time';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { fieldErrors } from '../../components/form/fieldErrors';
import { Checkbox, CodeSelect, FieldError, OptionalDateField, TextField } from '../../components/form/fields';
import { ListEditor } from '../../components/form/ListEditor';
import { useRecordForm } from '../../components/form/useRecordForm';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useCaseStore } from '../../stores/caseStore';

const emptyMediation = (): Mediation => ({
  parties: [
    { role: 'reporter', description: '' },
    { role: 'other_party', description: '' },
  ],
  otherPartyConsent: false,
  otherPartyConsentOn: null,
  hearingHeldOn: null,
  hearingNotes: '',
  agreements: [],
  outcome: null,
});

/**
 * The ombudsperson's mediation: its parties, hearing the other party only with consent, agreements
 * and outcome. Its sessions are written with the case's conversations; here they are counted.
 */
export function MediationPanel({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const sessions = record.conversations.filter((entry) => entry.kind === 'mediation_session').length;
  const { saveMediation, removeMediation } = useCaseStore();
  const form = useRecordForm<Mediation>({
    key: `mediation:${record.id}`,
    caseId: record.id,
    initial: record.mediation ?? emptyMediation(),
    validate: (value) => fieldErrors(Mediation, value, futureMediationFields(value, new Date())),
    save: (value) => saveMediation(record.id, value),
  });
  const { value, shown, change } = form;

  // Escape puts back what was last saved, asking first when something is typed.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') form.leave(form.discard);
  }

  return (
    <section aria-labelledby="mediation-title">
      <h2 id="mediation-title">{t('mediation.title')}</h2>
      <form className="card" onSubmit={form.onSubmit} onKeyDown={onKeyDown} noValidate aria-label={t('mediation.title')}>
        <ErrorSummary form={form} />
        <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
        <ListEditor
          legend={t('mediation.parties')}
          items={value.parties}
          onChange={(parties) => change({ parties })}
          newItem={(): Mediation['parties'][number] => ({ role: 'other', description: '' })}
          addLabel={t('mediation.addParty')}
          removeLabel={t('mediation.removeParty')}
          renderItem={(party, update, index) => (
            <div className="grid">
              <CodeSelect list="mediationPartyRole" label={t('mediation.partyRole')} value={party.role} onChange={(role) => role && update({ role })} />
              <TextField label={t('mediation.partyDescription')} value={party.description} onChange={(description) => update({ description })} error={shown[`parties.${index}.description`]} />
            </div>
          )}
        />
        <fieldset>
          <legend>{t('mediation.hearing')}</legend>
          <Checkbox
            label={t('mediation.otherPartyConsent')}
            checked={value.otherPartyConsent}
            onChange={(otherPartyConsent) =>
              change(otherPartyConsent ? { otherPartyConsent, otherPartyConsentOn: localMinute(new Date()).slice(0, 10) } : { otherPartyConsent, otherPartyConsentOn: null })
            }
          />
          <div className="grid">
            <OptionalDateField label={t('mediation.consentOn')} type="date" value={value.otherPartyConsentOn} onChange={(otherPartyConsentOn) => change({ otherPartyConsentOn })} error={shown.otherPartyConsentOn} />
            <OptionalDateField label={t('mediation.hearingOn')} type="date" value={value.hearingHeldOn} onChange={(hearingHeldOn) => change({ hearingHeldOn })} error={shown.hearingHeldOn} />
          </div>
          <TextField label={t('mediation.hearingNotes')} multiline value={value.hearingNotes} onChange={(hearingNotes) => change({ hearingNotes })} error={shown.hearingNotes} />
        </fieldset>
        <section className="mediation-sessions" aria-labelledby="mediation-sessions-title">
          <h3 id="mediation-sessions-title">{t('mediation.sessions')}</h3>
          <p>{record.mediation === null ? t('mediation.sessionsAfterSave') : sessions > 0 ? t('mediation.sessionCount', { count: sessions }) : t('mediation.noSessions')}</p>
        </section>
        <ListEditor
          legend={t('mediation.agreements')}
          items={value.agreements}
          onChange={(agreements) => change({ agreements })}
          newItem={() => ({ agreedOn: localMinute(new Date()).slice(0, 10), text: '' })}
          addLabel={t('mediation.addAgreement')}
          removeLabel={t('mediation.removeAgreement')}
          renderItem={(agreement, update, index) => (
            <>
              <TextField label={t('mediation.agreedOn')} type="date" value={agreement.agreedOn} onChange={(agreedOn) => update({ agreedOn })} error={shown[`agreements.${index}.agreedOn`]} />
              <TextField label={t('mediation.agreementText')} multiline value={agreement.text} onChange={(text) => update({ text })} error={shown[`agreements.${index}.text`]} />
            </>
          )}
        />
        <CodeSelect list="mediationOutcome" label={t('mediation.outcome')} value={value.outcome} onChange={(outcome) => change({ outcome })} emptyLabel={t('form.notRecorded')} />
        <FieldError error={form.invalid ? 'fixErrors' : undefined} />
        <ErrorMessage code={form.error} />
        <div className="actions">
          <button type="submit">{t('mediation.save')}</button>
          {record.mediation && (
            <ConfirmButton
              label={t('mediation.delete')}
              question={sessions > 0 ? t('mediation.confirmDeleteWithSessions', { count: sessions }) : t('mediation.confirmDelete')}
              confirmLabel={t('form.confirmDelete')} onConfirm={async () => {
                await removeMediation(record.id);
                form.startAfresh(emptyMediation());
              }}
            />
          )}
        </div>
        {form.saved && <p role="status">{t('mediation.saved')}</p>}
      </form>
    </section>
  );
}
