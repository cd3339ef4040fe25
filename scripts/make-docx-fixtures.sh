#!/usr/bin/env bash
# Regenerates the Word fixtures of tests/it/docx.rs with LibreOffice Writer (a real word
# processor, so the .docx are what people's files look like):
#
#   tests/fixtures/documents/self-inspection-report.txt -> tests/fixtures/docx/self-inspection-report.docx
#   tests/fixtures/docx/numbered-report.fodt             -> tests/fixtures/docx/numbered-report.docx
#
# numbered-report.fodt is a flat ODF text written for the tests: its headings use a list
# style with Chinese numbering (一、 / （一） / 1.), which Writer saves as w:numPr numbering
# in word/numbering.xml. The result is checked below.
#
# Needs: soffice (Debian: apt-get install -y --no-install-recommends libreoffice-writer)
# and unzip. The output is not byte-for-byte reproducible (Writer stamps the date in
# docProps/core.xml); the tests compare text and findings, not bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v soffice >/dev/null || {
  echo "soffice not found: apt-get install -y --no-install-recommends libreoffice-writer" >&2
  exit 1
}
out=tests/fixtures/docx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A throwaway LibreOffice profile, so that no user setting changes the output.
profile="-env:UserInstallation=file://$work/profile"

cp tests/fixtures/documents/self-inspection-report.txt "$work/"
soffice "$profile" --headless --infilter="Text (encoded):UTF8,LF,,," \
  --convert-to docx:"MS Word 2007 XML" --outdir "$work" "$work/self-inspection-report.txt" >/dev/null 2>&1
soffice "$profile" --headless \
  --convert-to docx:"MS Word 2007 XML" --outdir "$work" "$out/numbered-report.fodt" >/dev/null 2>&1

# The numbered report must number its headings automatically, not with typed text.
unzip -p "$work/numbered-report.docx" word/numbering.xml | grep -q 'w:lvlText w:val="%1、"' \
  || { echo "numbered-report.docx: no Chinese list numbering in word/numbering.xml" >&2; exit 1; }
unzip -p "$work/numbered-report.docx" word/document.xml | grep -q '<w:numPr>' \
  || { echo "numbered-report.docx: no w:numPr in word/document.xml" >&2; exit 1; }
if unzip -p "$work/numbered-report.docx" word/document.xml | grep -q '一、'; then
  echo "numbered-report.docx: 一、 typed in the text instead of numbered" >&2
  exit 1
fi

cp "$work/self-inspection-report.docx" "$work/numbered-report.docx" "$out/"
ls -l "$out"/*.docx
