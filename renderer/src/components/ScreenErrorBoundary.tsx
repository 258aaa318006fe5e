import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../../shared/contract';
import { useDraftStore } from '../drafts/draftStore';
import { keepDirtyFormsWaiting } from '../drafts/keptInWindow';

function BrokenScreen({ onGoOn }: { onGoOn(): void }) {
  const { t } = useTranslation();
  return (
    <section className="screen-error" role="alert">
      <p>{t('failure.screen')}</p>
      <button type="button" onClick={onGoOn}>
        {t('failure.goOn')}
      </button>
    </section>
  );
}

/**
 * A screen that throws while rendering is replaced by a plain message and an offer to go on,
 * not by an empty window. What its forms held is kept as drafts waiting for those forms, so the
 * screen shown again starts from what was typed.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode }, { broken: boolean }> {
  override state = { broken: false };
  /**
   * The drafts kept since the screen first broke, until it shows again: a form takes its draft
   * while rendering, so a render that breaks again would otherwise drop it.
   */
  private kept: Record<string, Draft> = {};

  static getDerivedStateFromError() {
    // Still rendering: the broken screen's forms are registered until React removes them.
    keepDirtyFormsWaiting();
    return { broken: true };
  }

  override componentDidCatch() {
    this.kept = { ...this.kept, ...useDraftStore.getState().waiting };
  }

  override componentDidUpdate(_props: unknown, previous: { broken: boolean }) {
    // The screen is back and its forms hold their drafts.
    if (previous.broken && !this.state.broken) this.kept = {};
  }

  override render() {
    if (!this.state.broken) return this.props.children;
    return (
      <BrokenScreen
        onGoOn={() => {
          useDraftStore.setState(({ waiting }) => ({ waiting: { ...this.kept, ...waiting } }));
          this.setState({ broken: false });
        }}
      />
    );
  }
}
