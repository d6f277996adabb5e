//! One diagnostic model for everything footcite reports: parse problems from
//! extraction and findings of `check`. Renderers live in `check::render`.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A finding tied to a place in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable kebab-case code such as `locator-comma`.
    pub code: String,
    /// The footnote the finding is in, if any.
    pub footnote: Option<u32>,
    pub line: usize,
    pub column: usize,
    /// Where the flagged text ends (exclusive), for caret spans.
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        code: &str,
        start: crate::source::Pos,
        end: crate::source::Pos,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code: code.to_string(),
            footnote: None,
            line: start.line as usize,
            column: start.column as usize,
            end_line: end.line as usize,
            end_column: end.column as usize,
            message: message.into(),
            help: None,
        }
    }

    pub fn in_footnote(mut self, number: u32) -> Diagnostic {
        self.footnote = Some(number);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Ordering for reports: by place, then code.
    pub fn sort_key(&self) -> (usize, usize, Severity, &str) {
        (self.line, self.column, self.severity, &self.code)
    }
}
