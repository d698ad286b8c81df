//! The allocation instance JSON (`allocation-instance.md`): read, validated, solved. A
//! valid instance gives an allocation the independent checker finds nothing wrong with,
//! and a result document that is JSON; a document written back reads back the same.
#![no_main]

use cohort_matching::{check, solve, solve_json_with, Instance, InstanceDocument, Millis};
use libfuzzer_sys::fuzz_target;

/// Floats aside: serde_json reads a float back within one ulp, not always exactly (a
/// priority; a capacity or cap, which validation refuses unless it is an integer).
fn without_floats(mut document: InstanceDocument) -> InstanceDocument {
    let integer = |n: &serde_json::Number| {
        if n.is_f64() {
            serde_json::Number::from(0)
        } else {
            n.clone()
        }
    };
    for candidate in &mut document.candidates {
        candidate.priority = candidate.priority.map(|_| 0.0);
    }
    for placement in &mut document.placements {
        placement.capacity = integer(&placement.capacity);
    }
    for (_, cap) in &mut document.nationality_caps.0 {
        *cap = integer(cap);
    }
    document
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(document) = InstanceDocument::from_json(text) else {
        assert!(Instance::from_json(text).is_err());
        return;
    };
    let written = serde_json::to_string(&document).expect("a document serializes");
    let back = InstanceDocument::from_json(&written).expect("a written document reads back");
    assert_eq!(
        without_floats(back.clone()),
        without_floats(document.clone())
    );
    assert_eq!(back.validate().is_ok(), document.validate().is_ok());
    let Ok(instance) = document.validate() else {
        assert!(solve_json_with(text, Millis::Fixed(0.0)).is_err());
        return;
    };
    let allocation = solve(&instance);
    let violations = check(&instance, &allocation);
    assert!(violations.is_empty(), "{violations:?}");
    let result = solve_json_with(text, Millis::Fixed(0.0)).expect("a valid instance solves");
    let result: serde_json::Value = serde_json::from_str(&result).expect("the result is JSON");
    assert_eq!(result["stable"], serde_json::Value::Bool(true));
});
