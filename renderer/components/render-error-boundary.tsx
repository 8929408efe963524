import { Component, type ErrorInfo, type ReactNode } from 'react';

interface RenderErrorBoundaryProps {
  /** What failed to draw, as the sentence's subject: "This tool's form", "The Tools section". */
  what: string;
  /** A change of this value (another schema, another section) draws the part again. */
  resetKey: unknown;
  /** What the user can do instead (a button to the right place), after the words. */
  action?: ReactNode;
  children: ReactNode;
}

interface RenderErrorBoundaryState {
  error?: Error;
  resetKey: unknown;
}

/**
 * Keeps an error thrown while drawing one part of the window to that part. Servers send what
 * parts of the window are drawn from (a tool's schema, results, resources), and a library can
 * throw on some of it while rendering (the form library on a `$ref` loop: "Definition for
 * #/$defs/B is a circular reference"); without a boundary React unmounts the whole window, which
 * goes blank. Here the part is replaced by an alert that says what failed and why, everything
 * else keeps working, and a new `resetKey` tries again. A class: React catches render errors only
 * in class components (getDerivedStateFromError).
 */
export class RenderErrorBoundary extends Component<RenderErrorBoundaryProps, RenderErrorBoundaryState> {
  override state: RenderErrorBoundaryState = { resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<RenderErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: RenderErrorBoundaryProps, state: RenderErrorBoundaryState): Partial<RenderErrorBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: undefined, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever opens the developer tools: the component stack says where.
    console.error(`${this.props.what} could not be drawn`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="field-problem render-error" role="alert" data-testid="render-error">
        <p>
          {this.props.what} could not be drawn: {error.message.slice(0, 500)}
        </p>
        {this.props.action}
      </div>
    );
  }
}
