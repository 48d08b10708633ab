/**
 * A language code as `reader` names it ("bn" → "Bengali" to an English reader), or, without a
 * reader, by its own name ("বাংলা", "Bahasa Indonesia"); the code itself if the browser cannot.
 */
export function languageName(code: string, reader: string = code): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
