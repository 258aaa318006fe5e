import { useTranslation } from 'react-i18next';
import type { KeptMention } from '../../../../shared/schemas/access';
import { formatDate, formatDateTime } from '../cases/format';

/**
 * Before the typed confirmation: each line the erasure keeps that still names the reporter, and
 * where it is, so the adviser can edit it first. The erasure never rewrites these lines itself.
 */
export function KeptMentions({ mentions, onRecheck }: { mentions: readonly KeptMention[]; onRecheck(): void }) {
  const { t, i18n } = useTranslation();
  if (mentions.length === 0) return null;
  const where = (mention: KeptMention) => {
    const field = t(`access.erase.mentionField.${mention.field}`);
    if (mention.entry) {
      const kind = t(`taxonomy.conversationKind.${mention.entry.kind}`);
      return t('access.erase.mentionInEntry', { kind, date: formatDateTime(mention.entry.heldAt, i18n.language), field });
    }
    return mention.date ? t('access.erase.mentionOnDate', { field, date: formatDate(mention.date, i18n.language) }) : field;
  };
  return (
    <section className="kept-mentions" aria-labelledby="kept-mentions-title">
      <h4 id="kept-mentions-title">{t('access.erase.mentionsTitle')}</h4>
      <p className="hint">{t('access.erase.mentionsHint')}</p>
      <ul>
        {mentions.map((mention, index) => (
          <li key={index}>
            <span className="where">{where(mention)}</span>: <q>{mention.text}</q>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onRecheck}>
        {t('access.erase.mentionsRecheck')}
      </button>
    </section>
  );
}
