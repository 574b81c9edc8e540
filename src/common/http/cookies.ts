/** One cookie's value from a request's Cookie header, or null. */
export const cookieValue = (header: string | undefined, name: string): string | null =>
  (header ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1] ?? null;
