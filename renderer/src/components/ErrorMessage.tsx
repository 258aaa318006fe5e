import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';

/** A refused action in the adviser's language; the code itself is kept for tests and support. */
export function ErrorMessage({ code }: { code: ErrorCode | null }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <p className="error" role="alert" data-code={code}>
      {t(`errors.${code}`)}
    </p>
  );
}
