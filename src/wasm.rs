//! The wasm-bindgen binding: the only file that knows about JavaScript. (To be completed by the
//! npm package work: options parsing, typed errors.)

use crate::{analyze as analyze_text, Options};
use wasm_bindgen::prelude::*;

/// Analyzes `text`; returns the report as a plain object.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    let report = analyze_text(text, &Options::default());
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

use serde::Serialize;
