//! TODO
pub fn check(_ex: &crate::Extraction) -> Vec<crate::diag::Diagnostic> { Vec::new() }
