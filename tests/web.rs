//! wasm-bindgen tests of the binding (src/wasm.rs), run in Node by
//! `cargo test --target wasm32-unknown-unknown --no-default-features --test web`, or in headless
//! Chromium with `--features browser-tests`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect};
use straytext::wasm::{analyze, clean};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

#[cfg(feature = "browser-tests")]
wasm_bindgen_test_configure!(run_in_browser);

const PAGE: &str = "2,500 $\nAUGUST 2025 يوم متبقٍ\nThe talks in Doha ended on Sunday without an agreement, officials from both delegations said.\nThe two sides will meet again next month in the same city, according to a statement.\n";

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("a readable property")
}

fn findings(report: &JsValue) -> Vec<JsValue> {
    get(report, "findings")
        .dyn_into::<Array>()
        .expect("findings is an array")
        .iter()
        .collect()
}

fn error_message(err: &JsValue) -> String {
    get(err, "message").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn analyze_returns_the_report_as_a_plain_object() {
    let report = analyze(JsValue::from_str(PAGE), JsValue::UNDEFINED).expect("a report");
    assert_eq!(
        get(&get(&report, "language"), "code")
            .as_string()
            .as_deref(),
        Some("eng")
    );
    assert_eq!(get(&report, "script").as_string().as_deref(), Some("Latin"));
    let found = findings(&report);
    let first = &found[0];
    assert_eq!(get(first, "kind").as_string().as_deref(), Some("ui_text"));
    assert_eq!(get(first, "subkind").as_string().as_deref(), Some("amount"));
    assert_eq!(get(first, "start").as_f64(), Some(0.0));
    assert_eq!(get(first, "end").as_f64(), Some(7.0));
    // Fields that do not apply are left out, not null.
    assert!(!Reflect::has(first, &JsValue::from_str("script")).unwrap());
    assert!(!Reflect::has(first, &JsValue::from_str("language")).unwrap());
    // A plain object, not a Map (serde-wasm-bindgen's json_compatible serializer).
    assert!(first.is_object());
    assert!(!first.is_instance_of::<js_sys::Map>());
}

#[wasm_bindgen_test]
fn utf16_offsets_slice_the_js_string() {
    let report = analyze(JsValue::from_str(PAGE), JsValue::NULL).expect("a report");
    let js = JsString::from(PAGE);
    let arabic = findings(&report)
        .into_iter()
        .find(|f| get(f, "kind").as_string().as_deref() == Some("foreign_script"))
        .expect("the Arabic run is flagged");
    let (s, e) = (
        get(&arabic, "start").as_f64().unwrap() as u32,
        get(&arabic, "end").as_f64().unwrap() as u32,
    );
    assert_eq!(String::from(js.slice(s, e)), "يوم متبقٍ");
}

#[wasm_bindgen_test]
fn clean_removes_the_noise() {
    let cleaned = clean(JsValue::from_str(PAGE), JsValue::UNDEFINED).expect("clean text");
    let cleaned = String::from(cleaned);
    assert!(!cleaned.contains("2,500"));
    assert!(cleaned.starts_with("The talks in Doha"));
}

#[wasm_bindgen_test]
fn a_text_that_is_not_a_string_is_a_type_error() {
    for bad in [
        JsValue::from_f64(42.0),
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::TRUE,
        Array::new().into(),
    ] {
        let err = analyze(bad.clone(), JsValue::UNDEFINED).expect_err("a TypeError");
        assert!(err.is_instance_of::<js_sys::TypeError>(), "{bad:?}");
        assert!(
            error_message(&err).starts_with("straytext.analyze: text must be a string, got "),
            "{}",
            error_message(&err)
        );
        let err = clean(bad, JsValue::UNDEFINED).expect_err("a TypeError");
        assert!(error_message(&err).starts_with("straytext.clean: text must be a string"));
    }
}

#[wasm_bindgen_test]
fn bad_options_are_type_errors() {
    let err = analyze(JsValue::from_str("x"), JsValue::from_str("<p>")).expect_err("an error");
    assert!(err.is_instance_of::<js_sys::TypeError>());
    assert!(error_message(&err).contains("options must be an object"));
    let options = js_sys::Object::new();
    Reflect::set(&options, &"html".into(), &JsValue::from_f64(1.0)).unwrap();
    let err = analyze(JsValue::from_str("x"), options.into()).expect_err("an error");
    assert!(err.is_instance_of::<js_sys::TypeError>());
    assert_eq!(
        error_message(&err),
        "straytext.analyze: options.html must be a string (the clipboard's text/html), got number"
    );
    // The instance keeps working after an error.
    assert!(analyze(JsValue::from_str(PAGE), JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn html_option_is_accepted() {
    let options = js_sys::Object::new();
    Reflect::set(
        &options,
        &"html".into(),
        &JsValue::from_str("<p>2,500 $</p><article><p>The talks in Doha ended.</p></article>"),
    )
    .unwrap();
    assert!(analyze(JsValue::from_str(PAGE), options.into()).is_ok());
}
