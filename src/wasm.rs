//! The wasm-bindgen binding: the only file that knows about JavaScript.
//!
//! The npm package's `analyze(text, options?)` and `clean(text, options?)` are these two
//! functions. Every argument arrives as an untyped `JsValue` and is checked here, so a wrong one
//! becomes a JavaScript `TypeError` that names it (`straytext.analyze: text must be a string,
//! got number`) instead of reaching Rust code that could panic. A panic would trap the
//! WebAssembly instance; none is reachable from these entry points by design. Should a bug make
//! one happen anyway, the hook installed on the first call reports it (to `console.error`) and
//! schedules a fresh instance (`wasm_bindgen::handler::schedule_reinit`), so the call that hit
//! the bug throws and every later call runs on a clean instance instead of a broken one.
//!
//! Offsets: wasm-bindgen copies a JavaScript string into Rust as UTF-8, replacing each lone
//! surrogate by U+FFFD. Both are one UTF-16 code unit, so the report's `start`/`end` (UTF-16)
//! are still indices into the caller's original string. [`clean`] therefore cuts the caller's
//! own string at those indices, so the text it returns keeps every code unit it does not
//! remove, lone surrogates included.

use crate::offsets::Converter;
use crate::{removed_ranges, Options, Report};
use js_sys::{Array, Error, JsString, Reflect, TypeError};
use serde::Serialize;
use std::sync::Once;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `console.error`, for the panic hook.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

static HOOK: Once = Once::new();

/// Installs the diagnostics-and-recovery panic hook (once per instance).
fn install_panic_hook() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            // A buffer past the 32-bit address space: the text is too large, not a bug.
            let payload = info.payload();
            let message = (payload.downcast_ref::<&str>().copied())
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str));
            let what = if message == Some("capacity overflow") {
                "the text is too large for the WebAssembly's memory"
            } else {
                "internal error (a bug; please report it with the text)"
            };
            console_error(&format!("straytext: {what}: {info}"));
            // The instance traps right after this hook; the next call gets a fresh one.
            wasm_bindgen::handler::schedule_reinit();
        }));
    });
}

/// A panic on purpose, to test the recovery (`--features panic-test` only; never shipped).
#[cfg(feature = "panic-test")]
#[wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests() {
    install_panic_hook();
    panic!("a panic on purpose, for the tests");
}

/// How a value's type reads in an error message.
fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else if Array::is_array(value) {
        "an array".to_string()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "an unknown type".to_string())
    }
}

/// The text argument: a string primitive (lone surrogates become U+FFFD, same UTF-16 length).
fn text_arg(function: &str, text: &JsValue) -> Result<String, JsValue> {
    text.as_string().ok_or_else(|| {
        TypeError::new(&format!(
            "straytext.{function}: text must be a string, got {}",
            type_name(text)
        ))
        .into()
    })
}

/// The options argument: `undefined`/`null` (the defaults) or an object whose `html`, when
/// present and not `undefined`/`null`, is a string. Other properties are ignored.
fn options_arg(function: &str, options: &JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() || Array::is_array(options) {
        return Err(TypeError::new(&format!(
            "straytext.{function}: options must be an object such as {{html: \"<p>…</p>\"}}, got {}",
            type_name(options)
        ))
        .into());
    }
    let html = Reflect::get(options, &JsValue::from_str("html"))?;
    if html.is_undefined() || html.is_null() {
        return Ok(Options::default());
    }
    match html.as_string() {
        Some(html) => Ok(Options::default().with_html(html)),
        None => Err(TypeError::new(&format!(
            "straytext.{function}: options.html must be a string (the clipboard's text/html), got {}",
            type_name(&html)
        ))
        .into()),
    }
}

/// The report as a plain object, the same as the command line's JSON: absent fields are left
/// out, `null` stays `null`, numbers are numbers.
fn to_js(function: &str, report: &Report) -> Result<JsValue, JsValue> {
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            Error::new(&format!(
                "straytext.{function}: cannot build the report: {e}"
            ))
            .into()
        })
}

/// Analyzes `text` (a string) with `options` (`undefined`, `null` or `{html?: string}`) and
/// returns the report of the contract as a plain object.
#[wasm_bindgen]
pub fn analyze(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let rust_text = text_arg("analyze", &text)?;
    let options = options_arg("analyze", &options)?;
    let report = crate::analyze(&rust_text, &options);
    to_js("analyze", &report)
}

/// Returns `text` without its noise: the caller's own string with every flagged span cut out
/// (see [`crate::clean`]), every other UTF-16 code unit kept as it was.
#[wasm_bindgen]
pub fn clean(text: JsValue, options: JsValue) -> Result<JsString, JsValue> {
    install_panic_hook();
    let rust_text = text_arg("clean", &text)?;
    let options = options_arg("clean", &options)?;
    let report = crate::analyze(&rust_text, &options);
    let removed = removed_ranges(&rust_text, &report);
    let original: &JsString = text.unchecked_ref();
    if removed.is_empty() {
        return Ok(original.clone());
    }
    let conv = Converter::new(&rust_text, removed.iter().flat_map(|r| [r.start, r.end]));
    let to_u32 = |byte: usize| u32::try_from(conv.position(byte).utf16).unwrap_or(u32::MAX);
    let kept = Array::new();
    let mut at = 0;
    for r in &removed {
        kept.push(&original.slice(at, to_u32(r.start)));
        at = to_u32(r.end);
    }
    kept.push(&original.slice(at, original.length()));
    Ok(kept.join(""))
}
