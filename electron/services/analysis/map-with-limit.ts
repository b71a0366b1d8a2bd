/**
 * `fn` over every item, results in item order, with at most `limit()` running at once. The
 * limit is read again each time an item starts, so it can shrink or grow during the run (the
 * analysis uses fewer recogniser processes while a call is being recorded).
 */
export function mapWithLimit<T, R>(items: readonly T[], limit: () => number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let active = 0;
  let failed = false;
  return new Promise((resolve, reject) => {
    const pump = () => {
      if (failed) return;
      if (next >= items.length && active === 0) {
        resolve(results);
        return;
      }
      while (next < items.length && active < Math.max(1, limit())) {
        const i = next++;
        active++;
        fn(items[i] as T).then(
          (result) => {
            results[i] = result;
            active--;
            pump();
          },
          (error: unknown) => {
            failed = true;
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }
    };
    pump();
  });
}
