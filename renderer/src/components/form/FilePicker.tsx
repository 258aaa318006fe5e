import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The app's own "choose a file" button: the browser's control names itself in the operating
 * system's language ("Choose Files") whatever the app's language is. The input stays, hidden and
 * named by the same words, so the file dialog and drag-free keyboard use are the browser's own.
 */
export function FilePicker({ label, accept, multiple = false, onFiles }: { label: string; accept: string; multiple?: boolean; onFiles(files: File[]): void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <div className="file-picker">
      <input
        ref={input}
        type="file"
        hidden
        aria-label={label}
        accept={accept}
        multiple={multiple}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          setChosen(files.map((file) => file.name));
          // Choosing the same file again (after fixing what was wrong with it) must fire again.
          event.target.value = '';
          onFiles(files);
        }}
      />
      <button type="button" className="secondary" onClick={() => input.current?.click()}>
        {label}
      </button>
      <span className="hint" aria-live="polite">
        {chosen.length ? chosen.join(', ') : t(multiple ? 'form.noFilesChosen' : 'form.noFileChosen')}
      </span>
    </div>
  );
}
