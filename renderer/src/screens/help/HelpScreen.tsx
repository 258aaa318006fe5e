import { useTranslation } from 'react-i18next';

const SHORTCUTS = [
  { keys: ['mod', 'N'], action: 'help.newCase' },
  { keys: ['mod', 'Shift', 'N'], action: 'help.newConversation' },
  { keys: ['mod', 'F'], action: 'help.search' },
  { keys: ['mod', 'L'], action: 'help.lock' },
  { keys: ['mod', 'Enter'], action: 'help.saveCase' },
  { keys: ['Escape'], action: 'help.escape' },
] as const;

/** What the keyboard does in the app, in the adviser's language. */
export function HelpScreen() {
  const { t } = useTranslation();
  const keyLabel = (key: string) => (key === 'mod' ? t('help.mod') : key);
  return (
    <section aria-labelledby="help-title">
      <h1 id="help-title">{t('help.title')}</h1>
      <table className="card">
        <caption>{t('help.shortcuts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('help.key')}</th>
            <th scope="col">{t('help.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' + '}
                    <kbd>{keyLabel(key)}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(shortcut.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
