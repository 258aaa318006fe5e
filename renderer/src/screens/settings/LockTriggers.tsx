import { useTranslation } from 'react-i18next';
import type { DesktopOs } from '../../platform';

/** What locks the vault on this computer, so the adviser knows what to rely on before walking away. */
export function LockTriggers({ os, idleMinutes }: { os: DesktopOs; idleMinutes: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="lock-triggers-title">
      <h3 id="lock-triggers-title">{t('settings.lockTriggers.title')}</h3>
      <ul>
        <li>{t(os === 'mac' ? 'settings.lockTriggers.shortcutMac' : 'settings.lockTriggers.shortcut')}</li>
        <li>{t('settings.lockTriggers.idle', { count: idleMinutes })}</li>
        <li>{t('settings.lockTriggers.sleep')}</li>
        <li>{t(`settings.lockTriggers.screen.${os}`)}</li>
        <li>{t('settings.lockTriggers.quit')}</li>
      </ul>
    </section>
  );
}
