// BCP 47 tags for the languages the core names (ISO 639-3, as whatlang names them), so the
// editor's `lang` lets screen readers and fonts treat the text as the language it is in.

/** ISO 639-3 → ISO 639-1 where there is one. */
const TWO_LETTER = {
  afr: "af", aka: "ak", amh: "am", ara: "ar", arb: "ar", aze: "az", bel: "be", ben: "bn",
  bul: "bg", cat: "ca", ces: "cs", cmn: "zh", dan: "da", deu: "de", ell: "el", eng: "en",
  epo: "eo", est: "et", fin: "fi", fra: "fr", guj: "gu", heb: "he", hin: "hi", hrv: "hr",
  hun: "hu", hye: "hy", ind: "id", ita: "it", jav: "jv", jpn: "ja", kan: "kn", kat: "ka",
  khm: "km", kor: "ko", lat: "la", lav: "lv", lit: "lt", mal: "ml", mar: "mr", mkd: "mk",
  mya: "my", nep: "ne", nld: "nl", nob: "nb", ori: "or", pan: "pa", pes: "fa", pol: "pl",
  por: "pt", ron: "ro", rus: "ru", sin: "si", slk: "sk", slv: "sl", sna: "sn", spa: "es",
  srp: "sr", swe: "sv", tam: "ta", tel: "te", tgl: "tl", tha: "th", tuk: "tk", tur: "tr",
  ukr: "uk", urd: "ur", uzb: "uz", vie: "vi", yid: "yi", zul: "zu",
};

/**
 * The BCP 47 tag for an ISO 639-3 code ("" when there is none).
 * @param {string | null | undefined} code
 * @returns {string}
 */
export function languageTag(code) {
  if (!code || !/^[a-z]{3}$/.test(code)) return "";
  return /** @type {Record<string, string>} */ (TWO_LETTER)[code] ?? code;
}
