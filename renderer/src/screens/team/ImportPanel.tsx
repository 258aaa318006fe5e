import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary, TeamReport } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { FilePicker } from '../../components/form/FilePicker';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Checkbox } from '../../components/form/fields';
import { ImportList } from './ImportList';
import { ReplaceConfirmation, type PendingReplacement } from './ReplaceConfirmation';

type Outcome = { fileName: string } & ({ kind: 'imported'; replaced: number } | { kind: 'kept' } | { kind: 'failed'; error: ErrorCode });
/** A replacement waiting for confirmation keeps the unsealed acceptance of the batch it came in with. */
type Waiting = PendingReplacement & { acceptUnsealed: boolean };

/**
 * Members' export files come in here (picker or drop). Each lands, is refused with a reason, or
 * waits for the merging member to confirm that it replaces the same adviser's earlier imports.
 */
export function ImportPanel({ report, onImported, onRemoved }: { report: TeamReport; onImported(summary: ImportSummary): Promise<void>; onRemoved(): Promise<void> }) {
  const { t } = useTranslation();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [pending, setPending] = useState<Waiting[]>([]);
  const [dragging, setDragging] = useState(false);
  const [removeError, setRemoveError] = useState<ErrorCode | null>(null);
  const [acceptUnsealed, setAcceptUnsealed] = useState(false);

  async function importOne(fileName: string, content: string, replace: string[], unsealedAccepted: boolean): Promise<Outcome | Waiting> {
    try {
      const result = await invoke('team.import', { content, replace, acceptUnsealed: unsealedAccepted });
      if (result.status === 'replaceNeeded') return { fileName, content, incoming: result.incoming, overlapping: result.overlapping, acceptUnsealed: unsealedAccepted };
      await onImported(result.summary);
      return { fileName, kind: 'imported', replaced: result.replaced.length };
    } catch (caught) {
      return { fileName, kind: 'failed', error: errorCodeOf(caught) };
    }
  }

  async function importFiles(files: File[]) {
    // Accepting unsealed files holds for the files chosen now, never for a later choice.
    const unsealedAccepted = acceptUnsealed;
    setAcceptUnsealed(false);
    const results: Outcome[] = [];
    const waiting: Waiting[] = [];
    for (const file of files) {
      const result = await importOne(file.name, await file.text(), [], unsealedAccepted);
      if ('incoming' in result) waiting.push(result);
      else results.push(result);
    }
    setOutcomes(results);
    setPending(waiting);
  }

  async function settle(confirm: boolean) {
    const [first, ...rest] = pending;
    if (!first) return;
    const result: Outcome | Waiting = confirm
      ? await importOne(first.fileName, first.content, first.overlapping.map((item) => item.exportId), first.acceptUnsealed)
      : { fileName: first.fileName, kind: 'kept' };
    // Given `replace`, the core imports or refuses; it never asks a second time.
    setOutcomes((current) => [...current, 'incoming' in result ? { fileName: first.fileName, kind: 'failed', error: 'OVERLAPPING_PERIOD' } : result]);
    setPending(rest);
  }

  async function remove(exportId: string) {
    setRemoveError(null);
    try {
      await invoke('team.remove', { exportId });
      await onRemoved();
    } catch (caught) {
      setRemoveError(errorCodeOf(caught));
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void importFiles([...event.dataTransfer.files]);
  }

  const first = pending[0];
  return (
    <section className="card no-print" aria-labelledby="import-title">
      <h2 id="import-title">{t('team.importTitle')}</h2>
      {report.importsToRedo > 0 && (
        <p className="flag-attention notice" role="note">
          {t('team.importsToRedo', { count: report.importsToRedo })}
        </p>
      )}
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <FilePicker label={t('team.chooseFiles')} accept=".age,.json,application/json" multiple onFiles={(files) => void importFiles(files)} />
        <p className="hint">{t('team.dropHint')}</p>
      </div>
      <Checkbox label={t('team.acceptUnsealed')} checked={acceptUnsealed} onChange={setAcceptUnsealed} />
      <p className="hint">{t('team.acceptUnsealedHint')}</p>
      <ul className="import-outcomes">
        {outcomes.map((outcome, index) => (
          <li key={index} role={outcome.kind === 'failed' ? 'alert' : 'status'}>
            {outcome.fileName}:{' '}
            {outcome.kind === 'failed'
              ? t(`errors.${outcome.error}`)
              : outcome.kind === 'kept'
                ? t('team.keptEarlier')
                : outcome.replaced > 0
                  ? t('team.importedReplacing', { count: outcome.replaced })
                  : t('team.imported')}
          </li>
        ))}
      </ul>
      {first && <ReplaceConfirmation key={first.fileName + first.incoming.exportId} pending={first} onConfirm={() => void settle(true)} onKeep={() => void settle(false)} />}
      <h3>{t('team.importsOfYear', { year: report.year })}</h3>
      <ImportList report={report} onRemove={remove} />
      <ErrorMessage code={removeError} />
    </section>
  );
}
