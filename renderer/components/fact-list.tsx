import type { ReactNode } from 'react';

/** Name and value pairs as a description list (`dl`): facts a step or an explanation found. */
export function FactList({ className, facts }: { className: string; facts: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <dl className={className}>
      {facts.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
