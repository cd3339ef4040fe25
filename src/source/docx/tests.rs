use super::package::OLE_MAGIC;
use super::*;
use std::io::{Cursor, Write as _};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn body(paragraphs: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{paragraphs}</w:body></w:document>"#
    )
}

fn text_of(parts: &[(&str, &str)]) -> String {
    extract(&package(parts)).unwrap().text
}

#[test]
fn runs_tabs_breaks_tables_and_entities() {
    let doc = body(concat!(
        r#"<w:p><w:r><w:t>一、基本</w:t></w:r><w:r><w:t xml:space="preserve">情况 &amp; </w:t><w:tab/><w:t>A</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>中共某镇委员会</w:t><w:br/><w:t>关于</w:t><w:br w:type="page"/><w:t>报告</w:t></w:r></w:p>"#,
        r#"<w:p/>"#,
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格一</w:t></w:r></w:p><w:p><w:r><w:t>格一下</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>格二</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        r#"<w:p><w:r><w:t>删</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r></w:p>"#,
    ));
    let text = text_of(&[("word/document.xml", &doc)]);
    assert_eq!(
        text,
        "一、基本情况 & \tA\n中共某镇委员会\u{2028}关于报告\n\n格一\n格一下\n格二\n删新7\n"
    );
}

#[test]
fn headers_footers_and_notes_follow_the_body_in_order() {
    let doc = body("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
    let story = |root: &str, text: &str| {
        format!("<w:{root} {W}><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{root}>")
    };
    let page_number = format!(
        r#"<w:ftr {W}><w:p><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p><w:p><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p><w:p><w:r><w:t>印发</w:t></w:r></w:p></w:ftr>"#
    );
    let notes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>脚注</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let extracted = extract(&package(&[
        ("word/document.xml", &doc),
        ("word/footer1.xml", &story("ftr", "页脚")),
        ("word/footer2.xml", &page_number),
        ("word/header10.xml", &story("hdr", "页眉十")),
        ("word/header2.xml", &story("hdr", "页眉二")),
        ("word/header3.xml", &story("hdr", "页眉二")),
        ("word/footnotes.xml", &notes),
        ("word/endnotes.xml", &story("endnotes", "尾注")),
    ]))
    .unwrap();
    assert_eq!(
        extracted.text,
        "正文\n页眉二\n页眉十\n页脚\n印发\n脚注\n尾注\n"
    );
    assert_eq!(extracted.body_len, "正文\n".len());
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/><w:isLgl/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/>
      <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>
      <w:lvlText w:val="%1"/></w:lvl>
    <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;

fn numbered(num_id: u32, ilvl: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn automatic_numbering_is_rendered() {
    let doc = body(
        &[
            numbered(1, 0, "基本情况"),
            numbered(1, 1, "学习"),
            numbered(1, 2, "读书"),
            numbered(1, 2, "研讨"),
            numbered(1, 1, "制度"),
            numbered(1, 2, "修订"),
            numbered(1, 3, "细则"),
            numbered(1, 0, "问题"),
            numbered(1, 1, "作风"),
            "<w:p><w:r><w:t>正文</w:t></w:r></w:p>".to_string(),
            numbered(2, 0, "打算"),
            numbered(1, 1, "深化"),
            numbered(0, 0, "不编号"),
            numbered(3, 0, "甲"),
            numbered(3, 1, "圆点"),
            numbered(3, 2, "圈"),
        ]
        .concat(),
    );
    let text = text_of(&[
        ("word/document.xml", &doc),
        ("word/numbering.xml", NUMBERING),
    ]);
    assert_eq!(
        text,
        "一、基本情况\n（一）学习\n1.读书\n2.研讨\n（二）制度\n1.修订\n1.1细则\n二、问题\n（一）作风\n正文\n五、打算\n（一）深化\n不编号\n001甲\n圆点\n①圈\n"
    );
}

#[test]
fn numbering_from_paragraph_styles() {
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let para = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let doc = body(&[para("H1", "甲"), para("H2", "乙"), para("H1", "丙")].concat());
    let text = text_of(&[
        ("word/document.xml", &doc),
        ("word/numbering.xml", NUMBERING),
        ("word/styles.xml", &styles),
    ]);
    assert_eq!(text, "一、甲\n（一）乙\n二、丙\n");
}

#[test]
fn malformed_packages_are_errors() {
    let ole = [&OLE_MAGIC[..], &[0; 100]].concat();
    assert!(matches!(extract(&ole), Err(DocxError::Ole)));
    assert!(matches!(extract(b"PK\x03\x04junk"), Err(DocxError::Zip(_))));
    let no_body = package(&[("word/styles.xml", "<w:styles/>")]);
    assert!(matches!(extract(&no_body), Err(DocxError::MissingBody(_))));
    let broken = package(&[(
        "word/document.xml",
        "<w:document><w:body><w:p></w:r></w:body></w:document>",
    )]);
    let err = extract(&broken).unwrap_err();
    assert!(matches!(err, DocxError::Xml { .. }), "{err}");
    assert!(err.to_string().contains("word/document.xml"), "{err}");
    let truncated = package(&[("word/document.xml", "<w:document><w:body><w:p>")]);
    assert!(matches!(extract(&truncated), Err(DocxError::Xml { .. })));
}

#[test]
fn decompressed_size_is_limited() {
    let big = body(&"<w:p><w:r><w:t>正文</w:t></w:r></w:p>".repeat(200));
    let bytes = package(&[("word/document.xml", &big)]);
    let limits = Limits {
        part: 1024,
        total: 1 << 20,
        ..Limits::default()
    };
    let err = extract_with_limits(&bytes, limits).unwrap_err();
    assert!(matches!(err, DocxError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("压缩炸弹"));
    let limits = Limits {
        part: 1 << 20,
        total: 1024,
        ..Limits::default()
    };
    assert!(extract_with_limits(&bytes, limits).is_err());
    assert!(extract_with_limits(&bytes, Limits::default()).is_ok());
}

#[test]
fn main_part_comes_from_the_package_relationships() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
    let doc = body("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
    let text = text_of(&[("_rels/.rels", rels), ("word/document2.xml", &doc)]);
    assert_eq!(text, "正文\n");
}

#[test]
fn rendered_text_is_limited() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1{}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
        "长".repeat(100)
    );
    let doc = body(&numbered(1, 0, "甲").repeat(10));
    let bytes = package(&[
        ("word/document.xml", &doc),
        ("word/numbering.xml", &numbering),
    ]);
    let whole = extract(&bytes).unwrap().text;
    // Labels 1 … 10, each followed by 300 bytes of 长, then 甲 and the line end.
    assert_eq!(whole.len(), 11 + 10 * (300 + 3 + 1));
    let limits = Limits {
        text: whole.len() - 1,
        ..Limits::default()
    };
    let err = extract_with_limits(&bytes, limits).unwrap_err();
    assert!(matches!(err, DocxError::TextTooLarge { .. }), "{err}");
    let limits = Limits {
        text: whole.len(),
        ..Limits::default()
    };
    assert_eq!(extract_with_limits(&bytes, limits).unwrap().text, whole);
}

#[test]
fn a_custom_format_wider_than_any_number() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="custom" w:format="{}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
        "0".repeat(70_000)
    );
    let doc = body(&numbered(1, 0, "甲"));
    let text = text_of(&[
        ("word/document.xml", &doc),
        ("word/numbering.xml", &numbering),
    ]);
    assert_eq!(text, "0000000001.甲\n");
}
