/** A code read out by phone, so shown large and in groups. */
export function HandoverCode({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <p className="fingerprint">
      {label}: <strong data-testid={testId}>{value}</strong>
    </p>
  );
}
