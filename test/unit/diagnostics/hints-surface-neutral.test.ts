import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The core's hints are read in the app as well as in the CLI, so they must not tell anyone to
 * type a CLI option or command, or to use a menu item: the fix targets (`fixes`) carry that, and
 * each surface words it (a button in the app, an option in the CLI). This scans every hint the
 * core can produce, as written in the source: `hint:` properties, hint constants, functions that
 * build hints, and the hint arguments of the error helpers.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const CORE = join(ROOT, 'main/core');

const CLI_SYNTAX: Array<[RegExp, string]> = [
  [/(^|[\s(`'"])--[a-z][a-z-]*/, 'a CLI option'],
  [/(^|[\s(`'"])-H\b/, 'the -H option'],
  [/\bperiscope [a-z]/, 'a periscope command'],
  [/\bmenu\b/i, 'a menu'],
  [/\b(File|Edit|View) >/, 'a menu item'],
];

/** Helpers whose argument at this index is a hint. */
const HINT_ARGUMENT: Record<string, number> = { periscopeError: 2, storageError: 2, fail: 1, fileError: 2 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every string and template text under a node (a conditional's both branches, a template's parts). */
function textsUnder(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) {
      out.push([n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('…'));
      n.templateSpans.forEach((s) => visit(s.expression));
    } else ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

interface Hint {
  where: string;
  text: string;
}

function hintsIn(file: string): Hint[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const hints: Hint[] = [];
  const add = (node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    for (const text of textsUnder(node)) hints.push({ where: `${relative(ROOT, file)}:${line}`, text });
  };
  const visit = (node: ts.Node, inHintFunction: boolean) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'hint') add(node.initializer);
    if (ts.isVariableDeclaration(node) && /hint|insecure/i.test(node.name.getText(source)) && node.initializer) add(node.initializer);
    if (ts.isReturnStatement(node) && inHintFunction && node.expression) add(node.expression);
    if (ts.isCallExpression(node)) {
      const index = HINT_ARGUMENT[node.expression.getText(source)];
      if (index !== undefined && node.arguments[index]) add(node.arguments[index]);
    }
    const named = (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && /hint/i.test(node.name.getText(source));
    ts.forEachChild(node, (child) => visit(child, inHintFunction || Boolean(named)));
  };
  visit(source, false);
  return hints;
}

describe('hints written by the core', () => {
  const hints = sourceFiles(CORE).flatMap(hintsIn);

  it('finds the hints it scans (the scan itself works)', () => {
    expect(hints.length).toBeGreaterThan(60);
    expect(hints.some((h) => h.where.includes('diagnostics/tls-errors.ts'))).toBe(true);
    expect(hints.some((h) => h.where.includes('diagnostics/explain-auth.ts'))).toBe(true);
  });

  it('name no CLI option, CLI command or menu item', () => {
    const offenders = hints.flatMap((h) =>
      CLI_SYNTAX.filter(([pattern]) => pattern.test(h.text)).map(([, what]) => `${h.where}: ${what} in "${h.text}"`),
    );
    expect(offenders).toEqual([]);
  });

  it('would catch one (the patterns match what they are meant to)', () => {
    const flagged = (text: string) => CLI_SYNTAX.some(([pattern]) => pattern.test(text));
    expect(flagged('raise --timeout')).toBe(true);
    expect(flagged("-H 'Authorization: Bearer <token>'")).toBe(true);
    expect(flagged('run `periscope remotes edit x`')).toBe(true);
    expect(flagged('use File > Save session')).toBe(true);
    expect(flagged('raise the request timeout')).toBe(false);
    expect(flagged('MCP Periscope could not start')).toBe(false);
  });
});
