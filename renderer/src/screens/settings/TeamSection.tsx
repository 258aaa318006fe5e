import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcceptanceSummary, InvitationSummary, TeamInfo } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { FilePicker } from '../../components/form/FilePicker';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAttempt } from '../../hooks/useAttempt';
import { Checkbox, TextField } from '../../components/form/fields';

/** Read out by phone, so shown large and in groups. */
function Fingerprint({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <p className="fingerprint">
      {label}: <strong data-testid={testId}>{value}</strong>
    </p>
  );
}

/** The merging member makes the team; the invitation they hand out carries its public key and unit list. */
function CreateTeamForm({ onDone }: { onDone(info: TeamInfo): void }) {
  const { t } = useTranslation();
  const [organisation, setOrganisation] = useState('');
  const [units, setUnits] = useState('');
  const [k, setK] = useState('5');
  const [error, setError] = useState<ErrorCode | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const unitList = units
        .split('\n')
        .map((unit) => unit.trim())
        .filter(Boolean);
      onDone(await invoke('team.create', { organisation: organisation.trim(), units: unitList, k: Number(k) }));
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="team-create-title">
      <h3 id="team-create-title">{t('teamSetup.createTitle')}</h3>
      <p className="hint">{t('teamSetup.createHint')}</p>
      <TextField label={t('teamSetup.organisation')} value={organisation} onChange={setOrganisation} />
      <TextField label={t('teamSetup.units')} value={units} onChange={setUnits} multiline />
      <TextField label={t('teamSetup.k')} value={k} onChange={setK} />
      <ErrorMessage code={error} />
      <button type="submit" disabled={organisation.trim().length === 0}>
        {t('teamSetup.create')}
      </button>
    </form>
  );
}

/**
 * An adviser accepts an invitation only after comparing its fingerprint with the merging member's
 * by phone. A member takes an updated invitation the same way (`replacing`), e.g. after a second
 * merging member joined: their exports are then sealed to both.
 */
function AcceptInvitationForm({ onDone, replacing = false }: { onDone(info: TeamInfo): void; replacing?: boolean }) {
  const { t } = useTranslation();
  const [content, setContent] = useState<string | null>(null);
  const [summary, setSummary] = useState<InvitationSummary | null>(null);
  const [compared, setCompared] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [replaced, setReplaced] = useState(false);

  async function read(file: File | undefined) {
    setError(null);
    setSummary(null);
    setCompared(false);
    setReplaced(false);
    if (!file) return;
    try {
      const text = await file.text();
      setSummary(await invoke('team.readInvitation', { content: text }));
      setContent(text);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  async function accept(channel: 'team.acceptInvitation' | 'team.joinAsMerger') {
    if (!content || !summary) return;
    setError(null);
    try {
      onDone(await invoke(channel, { content, fingerprint: summary.fingerprint }));
      if (replacing) {
        setSummary(null);
        setContent(null);
        setReplaced(true);
      }
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <section aria-labelledby="team-accept-title">
      <h3 id="team-accept-title">{t(replacing ? 'teamSetup.replaceTitle' : 'teamSetup.acceptTitle')}</h3>
      <p className="hint">{t(replacing ? 'teamSetup.replaceHint' : 'teamSetup.acceptHint')}</p>
      <FilePicker label={t('teamSetup.chooseInvitation')} accept=".json,application/json" onFiles={(files) => void read(files[0])} />
      {summary && (
        <div className="invitation-summary">
          <p>{t('teamSetup.invitationFrom', { organisation: summary.organisation })}</p>
          {summary.units.length > 0 && <p className="hint">{t('teamSetup.unitList', { units: summary.units.join(', ') })}</p>}
          <Fingerprint label={t('teamSetup.fingerprint')} value={summary.fingerprint} testId="invitation-fingerprint" />
          <Checkbox label={t('teamSetup.compared')} checked={compared} onChange={setCompared} />
          <button type="button" disabled={!compared} onClick={() => void accept('team.acceptInvitation')}>
            {t(replacing ? 'teamSetup.replace' : 'teamSetup.accept')}
          </button>
          {!replacing && (
            <>
              <button type="button" className="secondary" disabled={!compared} onClick={() => void accept('team.joinAsMerger')}>
                {t('teamSetup.joinAsMerger')}
              </button>
              <p className="hint">{t('teamSetup.joinAsMergerHint')}</p>
            </>
          )}
        </div>
      )}
      {replaced && <p role="status">{t('teamSetup.replaced')}</p>}
      <ErrorMessage code={error} />
    </section>
  );
}

/**
 * The merging member adds an adviser's acceptance only after reading its key code out with the
 * adviser, as advisers do with the invitation's. A different key for an adviser the team already
 * knows is named as such and replaced only when the merging member ticks that they confirmed it.
 */
function AddAdviserForm({ onDone }: { onDone(info: TeamInfo): void }) {
  const { t } = useTranslation();
  const [content, setContent] = useState<string | null>(null);
  const [summary, setSummary] = useState<AcceptanceSummary | null>(null);
  const [compared, setCompared] = useState(false);
  const [replaceKey, setReplaceKey] = useState(false);
  const [added, setAdded] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function read(file: File | undefined) {
    setError(null);
    setSummary(null);
    setCompared(false);
    setReplaceKey(false);
    setAdded(false);
    if (!file) return;
    try {
      const text = await file.text();
      setSummary(await invoke('team.readAcceptance', { content: text }));
      setContent(text);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  async function add() {
    if (!content || !summary) return;
    setError(null);
    try {
      onDone(await invoke('team.addAdviser', { content, replaceKey: summary.known === 'changed' && replaceKey }));
      setSummary(null);
      setContent(null);
      setAdded(true);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <section aria-labelledby="team-add-adviser-title">
      <h3 id="team-add-adviser-title">{t('teamSetup.addAdviserTitle')}</h3>
      <FilePicker label={t('teamSetup.chooseAcceptance')} accept=".json,application/json" onFiles={(files) => void read(files[0])} />
      {summary && (
        <div className="invitation-summary">
          <p>
            {t(`taxonomy.vaultFunction.${summary.function}`)}
            {summary.external ? ` (${t('teamSetup.external')})` : ''}
          </p>
          <Fingerprint label={t('teamSetup.keyCode')} value={summary.keyFingerprint} testId="acceptance-key-fingerprint" />
          {summary.known === 'same' && <p className="hint">{t('teamSetup.adviserKnownSameKey')}</p>}
          {summary.known === 'changed' && (
            <>
              <p className="warning" role="alert">
                {t('teamSetup.adviserKeyChanged', { previous: summary.previousKeyFingerprint })}
              </p>
              <Checkbox label={t('teamSetup.replaceKey')} checked={replaceKey} onChange={setReplaceKey} />
            </>
          )}
          <Checkbox label={t('teamSetup.keyCompared')} checked={compared} onChange={setCompared} />
          <button type="button" disabled={!compared || (summary.known === 'changed' && !replaceKey)} onClick={() => void add()}>
            {t('teamSetup.addAdviser')}
          </button>
        </div>
      )}
      {added && <p role="status">{t('teamSetup.adviserAdded')}</p>}
      <ErrorMessage code={error} />
    </section>
  );
}

/**
 * The team this vault belongs to: made here (the merging member), accepted from an invitation
 * (an adviser), or none yet. Exports are sealed to the team; without one they leave unsealed.
 */
export function TeamSection() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<TeamInfo | null>(null);
  const { status, error, attempt, setError } = useAttempt();

  useEffect(() => {
    invoke('team.info', {}).then(setInfo, (caught: unknown) => setError(errorCodeOf(caught)));
  }, [setError]);

  async function addMerger(file: File | undefined) {
    if (!file) return;
    await attempt(async () => {
      setInfo(await invoke('team.addMerger', { content: await file.text() }));
      return t('teamSetup.mergerAdded');
    });
  }

  return (
    <section className="card" aria-labelledby="team-setup-title">
      <h2 id="team-setup-title">{t('teamSetup.title')}</h2>
      {info?.role === 'none' && (
        <>
          <p className="hint">{t('teamSetup.noneHint')}</p>
          <AcceptInvitationForm onDone={setInfo} />
          <CreateTeamForm onDone={setInfo} />
        </>
      )}
      {info && info.role !== 'none' && (
        <>
          <p>{t(info.role === 'merger' ? 'teamSetup.mergerOf' : 'teamSetup.memberOf', { organisation: info.organisation })}</p>
          <Fingerprint label={t('teamSetup.fingerprint')} value={info.fingerprint ?? ''} testId="team-fingerprint" />
          {info.role === 'merger' ? (
            <>
              <button type="button" onClick={() => void attempt(async () => t('export.saved', { fileName: (await invoke('team.saveInvitation', {})).fileName }))}>
                {t('teamSetup.saveInvitation')}
              </button>
              <FilePicker label={t('teamSetup.chooseMerger')} accept=".json,application/json" onFiles={(files) => void addMerger(files[0])} />
              <h3>{t('teamSetup.advisersTitle')}</h3>
              <AddAdviserForm onDone={setInfo} />
              <table aria-label={t('teamSetup.advisersTitle')}>
                <thead>
                  <tr>
                    <th>{t('teamSetup.function')}</th>
                    <th>{t('teamSetup.keyCode')}</th>
                    <th>{t('teamSetup.addedOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {info.signers.map((signer) => (
                    <tr key={signer.adviserId}>
                      <td>
                        {t(`taxonomy.vaultFunction.${signer.function}`)}
                        {signer.external ? ` (${t('teamSetup.external')})` : ''}
                      </td>
                      <td>{signer.keyFingerprint}</td>
                      <td>{signer.addedOn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <>
              <p className="hint">{t('teamSetup.sendAcceptance')}</p>
              <Fingerprint label={t('teamSetup.ownKey')} value={info.ownKeyFingerprint ?? ''} testId="own-key-fingerprint" />
              <button type="button" onClick={() => void attempt(async () => t('export.saved', { fileName: (await invoke('team.saveAcceptance', {})).fileName }))}>
                {t('teamSetup.saveAcceptance')}
              </button>
              <AcceptInvitationForm onDone={setInfo} replacing />
            </>
          )}
        </>
      )}
      {status && <p role="status">{status}</p>}
      <ErrorMessage code={error} />
    </section>
  );
}
