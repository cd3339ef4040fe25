//! The integration tests, one binary (each test binary links the whole crate: one is much
//! faster to build than one per file). Shared helpers live in `common`.

mod annotate;
mod cli;
mod cli_commands;
mod cli_output;
mod common;
mod config;
mod config_schema;
mod corpus;
mod docx;
mod encodings;
mod fix;
mod formats;
mod hostile;
mod hostile_config;
mod hostile_streaming;
mod hostile_writes;
mod html_report;
mod integrations;
mod knowledge_examples;
mod lsp;
mod markdown;
mod memory;
mod never_fails;
mod profiles;
mod rule_docs;
mod rules;
mod seed;
mod stdin;
mod timeliness;
mod typography;
mod walking;
