/** The conversation note the crash writer stores with case `crash <n>`: its content is checked after every crash. */
export function expectedNotes(n: number): string {
  return `note ${n} ${'x'.repeat(2000 + (n % 7) * 500)}`;
}
