/**
 * What the long-running tools did, kept per server instance (so per session) and readable as
 * playground://operations. It lets a user, or a test, see the server's side of a cancellation:
 * the operation really stopped, and at which step.
 */
export type OperationOutcome = 'running' | 'completed' | 'cancelled';

export interface OperationRecord {
  id: number;
  tool: string;
  totalSteps: number;
  stepsDone: number;
  outcome: OperationOutcome;
  startedAt: string;
  endedAt?: string;
}

const MAX_RECORDS = 50;

export class OperationLog {
  private readonly records: OperationRecord[] = [];
  private nextId = 1;

  begin(tool: string, totalSteps: number): OperationRecord {
    const record: OperationRecord = { id: this.nextId++, tool, totalSteps, stepsDone: 0, outcome: 'running', startedAt: new Date().toISOString() };
    this.records.push(record);
    if (this.records.length > MAX_RECORDS) this.records.shift();
    return record;
  }

  progress(record: OperationRecord, stepsDone: number): void {
    record.stepsDone = stepsDone;
  }

  finish(record: OperationRecord, outcome: Exclude<OperationOutcome, 'running'>): void {
    record.outcome = outcome;
    record.endedAt = new Date().toISOString();
  }

  list(): OperationRecord[] {
    return this.records.map((r) => ({ ...r }));
  }
}
