import { Code } from '@mantine/core';

/** A JSON value folded behind a native disclosure (keyboard and screen-reader friendly). */
export function JsonDetails({ value, label }: { value: unknown; label: string }) {
  if (value === null || value === undefined) return <>—</>;
  const text = JSON.stringify(value, null, 2);
  const preview = JSON.stringify(value);
  return (
    <details>
      <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>
        {label}:{' '}
        <span style={{ color: 'var(--mantine-color-dimmed)' }}>
          {preview.length > 40 ? `${preview.slice(0, 40)}…` : preview}
        </span>
      </summary>
      <Code block mt={4} fz="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Code>
    </details>
  );
}
