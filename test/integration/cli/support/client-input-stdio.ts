// The client-input fixture over stdio, both eras: the first exchange picks the era
// (server/discover → 2026-07-28, initialize → 2025). Run: `node --import tsx client-input-stdio.ts`.
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { createClientInputServer } from './client-input-server';

serveStdio(() => createClientInputServer(), { legacy: 'serve' });
