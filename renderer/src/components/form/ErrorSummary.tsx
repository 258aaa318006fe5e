import { useEffect, useId, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { firstFocusableIn, isFocusable } from '../keepFocus';
import type { FieldErrors } from './fieldErrors';

/** One message on screen, by the id of its element beside the field. */
interface Problem {
  messageId: string;
  text: string;
}

const describes = (element: Element, id: string) => (element.getAttribute('aria-describedby') ?? '').split(/\s+/).includes(id);

/**
 * The field a message belongs to: the control it describes, named by its label, or a group of
 * choices (the one it describes, else the one it stands in), named by its legend and reached at
 * its first choice.
 */
function fieldOf(message: HTMLElement, form: HTMLFormElement): { control: HTMLElement | null; label: string } {
  const described = [...form.querySelectorAll('[aria-describedby]')].find((element) => describes(element, message.id));
  if (described && isFocusable(described)) return { control: described, label: (described as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '' };
  const group = described ?? message.closest('fieldset, .field');
  const legend = group?.querySelector(':scope > legend') ?? group?.querySelector(':scope > label');
  return { control: firstFocusableIn(group), label: legend?.textContent?.trim() ?? '' };
}

/** Every message the form shows, top to bottom, each named by its field's label. */
function problemsIn(form: HTMLFormElement): Problem[] {
  return [...form.querySelectorAll<HTMLElement>('.field-error')].map((message) => {
    const { label } = fieldOf(message, form);
    const text = message.textContent?.trim() ?? '';
    return { messageId: message.id, text: label ? `${label}: ${text}` : text };
  });
}

/** Focus on the field, with its label in view and clear of the sticky bars. */
function goTo(messageId: string, form: HTMLFormElement | null): void {
  const message = document.getElementById(messageId);
  const control = message && form ? fieldOf(message, form).control : null;
  if (!control) return;
  control.focus({ preventScroll: true });
  ((control as HTMLInputElement).labels?.[0] ?? control).scrollIntoView({ block: 'center' });
}

/**
 * The error summary of the GOV.UK and NL Design System forms, at the top of a form: when a save is
 * refused, the focus moves to it, so it is what a screen reader reads ("There is a problem") and
 * what is in view, and each of the form's messages is a link that moves the focus to its field.
 * It lists what the fields show, read from the form itself, so no form names its fields twice and
 * the order is the order on screen.
 */
export function ErrorSummary({ form }: { form: { shown: FieldErrors; refusals: number } }) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLElement>(null);
  const titleId = useId();
  const [problems, setProblems] = useState<Problem[]>([]);
  const showing = Object.keys(form.shown).length > 0;
  const messages = JSON.stringify(form.shown);

  useLayoutEffect(() => {
    const scope = box.current?.closest('form');
    setProblems(scope ? problemsIn(scope) : []);
  }, [messages, i18n.language]);

  useEffect(() => {
    if (form.refusals === 0 || !box.current) return;
    box.current.focus({ preventScroll: true });
    box.current.scrollIntoView({ block: 'start' });
  }, [form.refusals]);

  if (!showing) return null;
  const follow = (event: MouseEvent, messageId: string) => {
    event.preventDefault();
    goTo(messageId, box.current?.closest('form') ?? null);
  };
  return (
    <section ref={box} className="error-summary" tabIndex={-1} aria-labelledby={titleId} data-testid="error-summary">
      <h2 id={titleId}>{t('errorSummary.title')}</h2>
      <p>{t('errorSummary.notSaved')}</p>
      <ul>
        {problems.length === 0 && <li>{t('errorSummary.unmarked')}</li>}
        {problems.map((problem) => (
          <li key={problem.messageId}>
            <a href={`#${problem.messageId}`} onClick={(event) => follow(event, problem.messageId)}>
              {problem.text}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
