import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { axisConnectorFor, setAxisConnectorFactory, type AxisConnectorFactory } from './exchange.connector.ts';
import { MemoryAxis } from './exchange.fixtures.ts';

let restore: AxisConnectorFactory | undefined;
afterEach(() => {
  if (restore) setAxisConnectorFactory(restore);
  restore = undefined;
});

function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}

describe('axis connector factory', () => {
  it('gives no connector when no axis is configured, and says so once in the log', () => {
    restore = setAxisConnectorFactory(() => undefined);
    const config = loadConfig({ NODE_ENV: 'test' });
    const { logger, lines } = capturingLogger();
    expect(axisConnectorFor(config, logger)).toBeUndefined();
    expect(axisConnectorFor(config, logger)).toBeUndefined();
    expect(lines.filter((l) => l.includes('no interchange axis is configured'))).toHaveLength(1);
  });

  it('gives the connector the injected factory makes, built once per configuration', () => {
    let made = 0;
    const axis = new MemoryAxis();
    restore = setAxisConnectorFactory(() => {
      made++;
      return axis;
    });
    const config = loadConfig({ NODE_ENV: 'test' });
    const { logger, lines } = capturingLogger();
    expect(axisConnectorFor(config, logger)).toBe(axis);
    expect(axisConnectorFor(config, logger)).toBe(axis);
    expect(made).toBe(1);
    expect(lines).toEqual([]);
  });
});
