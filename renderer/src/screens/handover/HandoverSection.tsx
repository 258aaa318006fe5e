import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverStatus } from '../../../../shared/contract';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { ErrorCode } from '../../../../shared/errors';
import { ReceiveHandover } from './ReceiveHandover';
import { SendHandover } from './SendHandover';

/** Handing cases to a successor, and receiving them: both sides, as one vault may be either. */
export function HandoverSection() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<HandoverStatus | null>(null);
  const [sealed, setSealed] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const failed = useCallback((caught: unknown) => setError(errorCodeOf(caught)), []);

  useEffect(() => {
    invoke('handover.status', {}).then(setStatus, failed);
    invoke('team.info', {}).then((team) => setSealed(team.role !== 'none'), failed);
  }, [failed]);

  return (
    <section className="card" aria-labelledby="handover-title">
      <h2 id="handover-title">{t('handover.title')}</h2>
      <p className="hint">{t('handover.intro')}</p>
      {status && (
        <>
          <SendHandover status={status} sealed={sealed} onStatus={setStatus} />
          <ReceiveHandover status={status} onStatus={setStatus} />
        </>
      )}
      <ErrorMessage code={error} />
    </section>
  );
}
