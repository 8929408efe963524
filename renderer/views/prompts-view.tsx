import { useEffect } from 'react';
import { ErrorNotice } from '../components/error-notice';
import { ListChangeNotice } from '../components/list-change-notice';
import { InvalidItemsNotice } from '../components/invalid-items-notice';
import { PromptForm } from '../components/prompts/prompt-form';
import { PromptMessages } from '../components/prompts/prompt-messages';
import { fetchCompletions } from '../bridge/completion-actions';
import { getPrompt, loadPrompts } from '../bridge/prompt-actions';
import { matches } from '../workbench/text-match';
import { promptsSlot, usePromptsStore } from '../stores/prompts-store';
import { ServerText } from '../components/server-text';
import { revealInvisible } from '../../shared/text/reveal-invisible';

interface PromptsViewProps {
  connectionId: string;
  live: boolean;
  capabilities?: Record<string, unknown>;
}

/** The Prompts section: the prompts with a search on the left, the chosen one's form and messages on the right. */
export function PromptsView({ connectionId, live, capabilities }: PromptsViewProps) {
  const slot = usePromptsStore((s) => promptsSlot(s, connectionId));
  const update = usePromptsStore((s) => s.update);
  useEffect(() => {
    if (!usePromptsStore.getState().slots[connectionId]) void loadPrompts(connectionId);
  }, [connectionId]);
  const shown = slot.prompts.filter((p) => matches(slot.query, p.name, p.title, p.description));
  const prompt = slot.prompts.find((p) => p.name === slot.selected);
  const values = prompt ? (slot.values[prompt.name] ?? {}) : {};
  const got = prompt ? slot.gets[prompt.name] : undefined;
  const completes = capabilities?.completions !== undefined;
  return (
    <div className="tools-view" data-testid="prompts-view">
      <section className="tool-list" aria-label="Prompts" data-testid="prompt-list">
        {/* Refresh goes under the search in a narrow column, so "Search prompts" is read whole. */}
        <div className="tool-list-bar wraps">
          <input type="search" aria-label="Search prompts" placeholder="Search prompts" value={slot.query} onChange={(e) => update(connectionId, () => ({ query: e.target.value }))} data-testid="prompt-search" />
          <button type="button" onClick={() => void loadPrompts(connectionId)} disabled={slot.status === 'loading'} data-testid="refresh-prompts">
            Refresh
          </button>
        </div>
        <ListChangeNotice notice={slot.changeNotice} testId="prompts-changed" onDismiss={() => update(connectionId, () => ({ changeNotice: undefined }))} />
        {slot.status === 'ready' && <InvalidItemsNotice kind="prompt" items={slot.invalid} testId="invalid-prompts" />}
        {slot.status === 'loading' && <p className="muted" role="status">Listing prompts…</p>}
        {slot.status === 'failed' && slot.error && <ErrorNotice error={slot.error} title="Could not list the prompts" />}
        {slot.status === 'ready' && (
          <p className="muted tool-count" aria-live="polite">
            {shown.length === slot.prompts.length ? `${slot.prompts.length} prompt${slot.prompts.length === 1 ? '' : 's'}` : `${shown.length} of ${slot.prompts.length} prompts`}
          </p>
        )}
        <ul className="tool-items">
          {shown.map((p) => (
            <li key={p.name}>
              <button
                type="button"
                className={`tool-item${p.name === slot.selected ? ' is-selected' : ''}`}
                aria-current={p.name === slot.selected ? 'true' : undefined}
                onClick={() => update(connectionId, () => ({ selected: p.name }))}
                data-testid="prompt-item"
                data-prompt={p.name}
              >
                <span className="tool-item-head">
                  <span className="tool-title">
                    <ServerText text={p.title ?? p.name} />
                  </span>
                  {p.title && p.title !== p.name && (
                    <code className="tool-name">
                      <ServerText text={p.name} />
                    </code>
                  )}
                </span>
                {p.description && (
                  <span className="tool-description">
                    <ServerText text={p.description} />
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {prompt ? (
        <section className="tool-workbench" aria-label={`Prompt ${revealInvisible(prompt.title ?? prompt.name)}`} data-testid="prompt-panel">
          <h3 className="workbench-title">
            <ServerText text={prompt.title ?? prompt.name} />
          </h3>
          {prompt.description && (
            <p>
              <ServerText text={prompt.description} />
            </p>
          )}
          <PromptForm
            key={prompt.name}
            prompt={prompt}
            values={values}
            live={live}
            getting={got?.status === 'getting'}
            complete={completes ? (name, value) => fetchCompletions(connectionId, { type: 'ref/prompt', name: prompt.name }, name, value, values) : undefined}
            onChange={(next) => update(connectionId, (s) => ({ values: { ...s.values, [prompt.name]: next } }))}
            onGet={() => void getPrompt(connectionId, prompt.name, values)}
          />
          <div aria-live="polite">
            {got?.status === 'failed' && got.error && <ErrorNotice error={got.error} title="Could not get the prompt" />}
            {got?.status === 'done' && <PromptMessages messages={got.messages ?? []} description={got.description} />}
          </div>
        </section>
      ) : (
        slot.status === 'ready' && <p className="muted tool-none">{slot.prompts.length > 0 ? 'Choose a prompt.' : slot.invalid?.length ? 'None of the prompts the server lists is valid (see above).' : 'This server offers no prompts.'}</p>
      )}
    </div>
  );
}
