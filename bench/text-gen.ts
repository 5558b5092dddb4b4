// Deterministic English/French text with provider mentions scattered through
// it, for the benchmarks (no randomness from run to run).
const WORDS_EN = 'the data of every hospital is stored in a region where the law applies and our team moved backups last year while the contract keeps running for patients and staff'.split(' ');
const WORDS_FR = 'les données de santé sont hébergées dans une région où la loi s’applique et notre équipe a migré les sauvegardes l’an dernier pendant que le contrat continue pour les patients'.split(' ');
const MENTIONS = ['Microsoft Azure', 'OVHcloud', 'Amazon Web Services', 'Scaleway', 'Google Cloud', 'Clever Cloud', 'l’offre d’Azure pour Microsoft', 'NumSpot', 'Outscale', 'the azure sky', 'orange juice'];

/** xorshift32: a fixed sequence so every run scans the same text. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** `extra` mentions (e.g. generated vendor names) join the built-in ones. */
export function generateText(bytes: number, seed = 42, extra: readonly string[] = []): string {
  const next = rng(seed);
  const mentions = [...MENTIONS, ...extra];
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words = next() < 0.5 ? WORDS_EN : WORDS_FR;
    const n = 8 + Math.floor(next() * 20);
    const sentence: string[] = [];
    for (let i = 0; i < n; i++) sentence.push(words[Math.floor(next() * words.length)]!);
    if (next() < 0.05) sentence.splice(Math.floor(next() * n), 0, mentions[Math.floor(next() * mentions.length)]!);
    const s = sentence.join(' ') + '. ';
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
}

/** N made-up custom providers, as an organisation's vendor list would be. */
export function generatedProviders(n: number, seed = 7) {
  const next = rng(seed);
  const syll = ['ka', 'lo', 'vex', 'tri', 'mon', 'zen', 'qua', 'rid', 'sol', 'nex', 'bar', 'tel'];
  const name = () => Array.from({ length: 3 }, () => syll[Math.floor(next() * syll.length)]).join('');
  return Array.from({ length: n }, (_, i) => ({
    id: `vendor-${i}`,
    aliases: [`${name()} Cloud ${i}`, `${name()}${i}`],
    weakAliases: [] as { term: string; context: string[] }[],
  }));
}
