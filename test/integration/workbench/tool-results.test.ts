import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { BIG_TEXT_MARKER, bigText, createResultsFixtureServer, RESULT_PNG, RESULT_WAV } from '../../fixtures/sdk-servers/v1-results-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { openRemote, valueOf } from './core-calls';

/**
 * Tool results reach the window as the server sent them, through the app core and the contract's
 * validation, from a real 1.x SDK server on 127.0.0.1: structuredContent that breaks the tool's
 * outputSchema (or is missing) is passed through for the window to show what is wrong, where the
 * SDK client alone would refuse the result; audio, images and a 5 MB text arrive whole.
 */
type Outcome = { result: { content?: Array<Record<string, unknown>>; structuredContent?: unknown; isError?: boolean } };

let test: TestCore;
let fixture: StreamableFixture;
let connectionId: string;

beforeAll(async () => {
  test = await startTestCore();
  fixture = await startStreamableFixture(createResultsFixtureServer);
  connectionId = (await openRemote(test, fixture.url)).connectionId;
  // Listed first, as the Tools section does: the SDK client then knows each tool's outputSchema.
  const listed = valueOf<{ tools: Array<{ name: string; outputSchema?: unknown }> }>(await test.call('connections:list-tools', { connectionId }));
  expect(listed.tools.find((t) => t.name === 'weather_wrong')?.outputSchema).toBeDefined();
});
afterAll(async () => {
  await test?.close();
  await fixture?.close();
});

let calls = 0;
const call = async (name: string) => valueOf<Outcome>(await test.call('connections:call-tool', { connectionId, name, argumentsJson: '{}', callId: `results-${++calls}` })).result;

describe('tool results as the server sent them', () => {
  it('passes structuredContent that breaks the outputSchema through, unchanged and not an error', async () => {
    const result = await call('weather_wrong');
    expect(result.structuredContent).toEqual({ city: 7, temperatureC: 'warm', sky: 'purple' });
    expect(result.isError).toBeUndefined();
    expect(result.content).toEqual([{ type: 'text', text: 'warm and purple' }]);
  });

  it('passes a result without structuredContent through, though the tool declares an outputSchema', async () => {
    const result = await call('weather_missing');
    expect(result).not.toHaveProperty('structuredContent');
    expect(result.content).toEqual([{ type: 'text', text: 'sunny' }]);
  });

  it('passes a fitting structuredContent, audio, an image and a 5 MB text through whole', async () => {
    expect((await call('weather_ok')).structuredContent).toEqual({ city: 'Bern', temperatureC: 21, sky: 'clear' });
    expect((await call('chirp')).content).toEqual([{ type: 'audio', mimeType: 'audio/wav', data: RESULT_WAV }]);
    expect((await call('picture')).content).toEqual([{ type: 'image', mimeType: 'image/png', data: RESULT_PNG }]);
    const text = String((await call('big_text')).content?.[0]?.text);
    expect(text).toBe(bigText());
    expect(text.length).toBeGreaterThan(5_000_000);
    expect(text.indexOf(BIG_TEXT_MARKER)).toBeGreaterThan(text.length - 100);
  });
});
