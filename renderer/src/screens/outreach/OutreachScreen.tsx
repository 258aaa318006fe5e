import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityInput, SignalInput, type Activity, type Signal } from '../../../../shared/contract';
import { futureSignalFields } from '../../../../shared/futureDates';
import { localMinute } from '../../../../shared/time';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldErrors } from '../../components/form/fieldErrors';
import { CodeSelect, NumberField, TextField } from '../../components/form/fields';
import { useOutreachStore } from '../../stores/outreachStore';
import { formatDate } from '../cases/format';
import { BoardAdvicesSection } from './BoardAdvicesSection';
import { FormButtons, RowActions, useRecordForm, type FormProps } from './recordForm';

const today = () => localMinute(new Date()).slice(0, 10);
const newSignal = (): SignalInput => ({ notedOn: today(), unit: '', theme: 'workload', note: '' });
const newActivity = (): ActivityInput => ({ heldOn: today(), type: 'presentation', audience: '', attendees: 0 });

function SignalForm({ initial, title, onSave, onCancel }: FormProps<SignalInput>) {
  const { t } = useTranslation();
  const form = useRecordForm(initial, (value) => fieldErrors(SignalInput, value, futureSignalFields(value, new Date())), onSave);
  return (
    <form onSubmit={form.submit} noValidate aria-label={title} className="grid">
      <TextField label={t('outreach.date')} type="date" value={form.value.notedOn} onChange={(notedOn) => form.change({ notedOn })} error={form.shown.notedOn} />
      <TextField label={t('outreach.unit')} value={form.value.unit} onChange={(unit) => form.change({ unit })} error={form.shown.unit} />
      <CodeSelect list="nature" label={t('outreach.theme')} value={form.value.theme} onChange={(theme) => theme && form.change({ theme })} />
      <TextField label={t('outreach.note')} value={form.value.note} onChange={(note) => form.change({ note })} error={form.shown.note} />
      <ErrorMessage code={form.error} />
      <FormButtons title={title} onCancel={onCancel} />
    </form>
  );
}

function ActivityForm({ initial, title, onSave, onCancel }: FormProps<ActivityInput>) {
  const { t } = useTranslation();
  const form = useRecordForm(initial, (value) => fieldErrors(ActivityInput, value), onSave);
  return (
    <form onSubmit={form.submit} noValidate aria-label={title} className="grid">
      <TextField label={t('outreach.date')} type="date" value={form.value.heldOn} onChange={(heldOn) => form.change({ heldOn })} error={form.shown.heldOn} />
      <CodeSelect list="activityType" label={t('outreach.type')} value={form.value.type} onChange={(type) => type && form.change({ type })} />
      <TextField label={t('outreach.audience')} value={form.value.audience} onChange={(audience) => form.change({ audience })} error={form.shown.audience} />
      <NumberField label={t('outreach.attendees')} value={form.value.attendees} onChange={(attendees) => form.change({ attendees: attendees ?? 0 })} error={form.shown.attendees} />
      <ErrorMessage code={form.error} />
      <FormButtons title={title} onCancel={onCancel} />
    </form>
  );
}

function SignalsSection() {
  const { t, i18n } = useTranslation();
  const { signals, addSignal, updateSignal, removeSignal } = useOutreachStore();
  const [editing, setEditing] = useState<Signal | null>(null);
  return (
    <section aria-labelledby="signals-title" className="card">
      <h2 id="signals-title">{t('outreach.signals')}</h2>
      <p className="hint">{t('outreach.signalsHint')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('outreach.date')}</th>
            <th scope="col">{t('outreach.unit')}</th>
            <th scope="col">{t('outreach.theme')}</th>
            <th scope="col">{t('outreach.note')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {signals.map((signal) => (
            <tr key={signal.id}>
              <td>{formatDate(signal.notedOn, i18n.language)}</td>
              <td>{signal.unit}</td>
              <td>{t(`taxonomy.nature.${signal.theme}`)}</td>
              <td>{signal.note}</td>
              <td>
                <RowActions onEdit={() => setEditing(signal)} question={t('outreach.confirmDeleteSignal')} onDelete={() => removeSignal(signal.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <SignalForm
          key={editing.id}
          initial={{ notedOn: editing.notedOn, unit: editing.unit, theme: editing.theme, note: editing.note }}
          title={t('outreach.saveChanges')}
          onSave={async (value) => {
            await updateSignal(editing.id, value);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <SignalForm key="new" initial={newSignal()} title={t('outreach.addSignal')} onSave={addSignal} />
      )}
    </section>
  );
}

function ActivitiesSection() {
  const { t, i18n } = useTranslation();
  const { activities, addActivity, updateActivity, removeActivity } = useOutreachStore();
  const [editing, setEditing] = useState<Activity | null>(null);
  return (
    <section aria-labelledby="activities-title" className="card">
      <h2 id="activities-title">{t('outreach.activities')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('outreach.date')}</th>
            <th scope="col">{t('outreach.type')}</th>
            <th scope="col">{t('outreach.audience')}</th>
            <th scope="col">{t('outreach.attendees')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {activities.map((activity) => (
            <tr key={activity.id}>
              <td>{formatDate(activity.heldOn, i18n.language)}</td>
              <td>{t(`taxonomy.activityType.${activity.type}`)}</td>
              <td>{activity.audience}</td>
              <td>{activity.attendees}</td>
              <td>
                <RowActions onEdit={() => setEditing(activity)} question={t('outreach.confirmDeleteActivity')} onDelete={() => removeActivity(activity.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <ActivityForm
          key={editing.id}
          initial={{ heldOn: editing.heldOn, type: editing.type, audience: editing.audience, attendees: editing.attendees }}
          title={t('outreach.saveChanges')}
          onSave={async (value) => {
            await updateActivity(editing.id, value);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <ActivityForm key="new" initial={newActivity()} title={t('outreach.addActivity')} onSave={addActivity} />
      )}
    </section>
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
