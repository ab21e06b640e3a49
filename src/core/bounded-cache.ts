// The one memo helper of the core: pure functions of a short string (a key's facts, a colour,
// a word's meaning) are computed once per distinct input. Bounded, so a paste with a million
// distinct values cannot grow it without end; when full it forgets its oldest entry (a Map
// keeps insertion order), so a text with more distinct values than the bound still hits on
// the values it repeats instead of starting over from empty.

export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly max: number,
    private readonly compute: (key: K) => V,
  ) {}

  get(key: K): V {
    const entries = this.entries;
    let value = entries.get(key);
    if (value === undefined && !entries.has(key)) {
      value = this.compute(key);
      if (entries.size >= this.max) entries.delete(entries.keys().next().value as K);
      entries.set(key, value);
    }
    return value as V;
  }
}
