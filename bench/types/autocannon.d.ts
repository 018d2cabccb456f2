/** The part of autocannon's API the bench uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Result {
      readonly duration: number;
      readonly errors: number;
      readonly timeouts: number;
      readonly non2xx: number;
      readonly [key: string]: unknown;
    }
  }

  function autocannon(
    options: Record<string, unknown>,
    callback: (error: Error | null, result: autocannon.Result) => void,
  ): EventEmitter;

  export default autocannon;
}
