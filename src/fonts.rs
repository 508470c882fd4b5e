//! The two bundled fonts, embedded in the binary so that neither the editor nor the
//! export depends on what a PC has installed. One place owns their bytes.

/// BIZ UD明朝 Regular: body text.
pub const MINCHO: &[u8] = include_bytes!("../fonts/BIZUDMincho-Regular.ttf");
/// BIZ UDゴシック Regular: headings and the interface.
pub const GOTHIC: &[u8] = include_bytes!("../fonts/BIZUDGothic-Regular.ttf");

/// Which of the bundled faces a piece of text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// BIZ UD明朝: running text.
    Mincho,
    /// BIZ UDゴシック: headings, labels, table headers.
    Gothic,
}

impl Face {
    /// The font file's bytes.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Self::Mincho => MINCHO,
            Self::Gothic => GOTHIC,
        }
    }
}
