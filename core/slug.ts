/**
 * "Ana María O'Neil" -> "ana-maria-o-neil": letters without accents, digits and single dashes,
 * at most `maxLength` characters; "" when nothing Latin is left. For file names built from names.
 */
export function asciiSlug(text: string, maxLength = 48): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}
