import { useEffect, useRef, useState } from 'react';

type Setup = typeof import('./codemirror-setup');
type View = ReturnType<Setup['createJsonEditor']>;

interface JsonEditorProps {
  text: string;
  /** Accessible name of the editing area. */
  label: string;
  onText(text: string): void;
}

/**
 * The raw JSON of a tool's arguments in CodeMirror 6 (loaded on first use). The text is kept as
 * typed, byte for byte: it is what main parses and sends (numbers exactly, escapes untouched).
 */
export function JsonEditor({ text, label, onText }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<View | undefined>(undefined);
  const setup = useRef<Setup | undefined>(undefined);
  const latest = useRef({ text, onText });
  const [ready, setReady] = useState(false);
  useEffect(() => {
    latest.current = { text, onText };
  });

  useEffect(() => {
    let gone = false;
    void import('./codemirror-setup').then((module) => {
      if (gone || !host.current) return;
      setup.current = module;
      // In a shadow root, so that CodeMirror's own styles pass the Content-Security-Policy (see codemirror-setup).
      const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
      const parent = document.createElement('div');
      shadow.replaceChildren(parent);
      view.current = module.createJsonEditor(parent, latest.current.text, label, (next) => {
        if (next !== latest.current.text) latest.current.onText(next);
      });
      setReady(true);
    });
    return () => {
      gone = true;
      view.current?.destroy();
      view.current = undefined;
    };
  }, [label]);

  // A change from the form (or a history entry loaded) reaches the editor.
  useEffect(() => {
    if (view.current && setup.current) setup.current.replaceText(view.current, text);
  }, [text]);

  return (
    <div className="json-editor" data-testid="json-editor" data-ready={ready}>
      {!ready && (
        <p className="muted" role="status">
          Loading the JSON editor…
        </p>
      )}
      <div ref={host} />
    </div>
  );
}
