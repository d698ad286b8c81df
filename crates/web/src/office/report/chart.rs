//! Horizontal bar charts drawn on the server as SVG: one row per category, the bar's length
//! proportional to the value. The chart is an image with a title and a description; the
//! same numbers are in a table beside it for screen readers and for copying.

/// One bar.
#[derive(Debug, Clone)]
pub struct Bar {
    /// Category, as shown.
    pub label: String,
    /// The value drawn.
    pub value: f64,
    /// The value as written at the end of the bar.
    pub shown: String,
}

/// A chart ready for the template: its rows already laid out.
#[derive(Debug)]
pub struct Chart {
    /// Element ids stem (for `aria-labelledby`).
    pub id: String,
    /// Title.
    pub title: String,
    /// Height of the SVG in pixels.
    pub height: u32,
    /// Laid-out rows.
    pub rows: Vec<Row>,
}

/// A laid-out bar.
#[derive(Debug)]
pub struct Row {
    /// Category.
    pub label: String,
    /// Text at the end of the bar.
    pub shown: String,
    /// Top of the row.
    pub y: u32,
    /// Baseline of the texts.
    pub text_y: u32,
    /// Bar width in pixels.
    pub width: u32,
    /// Where the value text starts.
    pub value_x: u32,
}

const ROW: u32 = 26;
const LABEL_WIDTH: u32 = 220;
const BAR_MAX: u32 = 320;

/// Lays out `bars` (at most 20, the largest first when there are more).
pub fn chart(id: &str, title: String, mut bars: Vec<Bar>) -> Chart {
    if bars.len() > 20 {
        bars.sort_by(|a, b| b.value.total_cmp(&a.value));
        bars.truncate(20);
    }
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let width = if max > 0.0 {
                ((bar.value / max) * f64::from(BAR_MAX)).round() as u32
            } else {
                0
            };
            let y = i as u32 * ROW;
            Row {
                label: shorten(&bar.label, 32),
                shown: bar.shown,
                y: y + 4,
                text_y: y + 18,
                width,
                value_x: LABEL_WIDTH + width + 6,
            }
        })
        .collect::<Vec<_>>();
    Chart {
        id: id.to_owned(),
        title,
        height: (rows.len() as u32 * ROW).max(ROW) + 4,
        rows,
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_to_the_largest() {
        let c = chart(
            "units",
            "Units".into(),
            vec![
                Bar {
                    label: "A".into(),
                    value: 10.0,
                    shown: "10".into(),
                },
                Bar {
                    label: "B".into(),
                    value: 5.0,
                    shown: "5".into(),
                },
                Bar {
                    label: "C".into(),
                    value: 0.0,
                    shown: "0".into(),
                },
            ],
        );
        let widths: Vec<u32> = c.rows.iter().map(|r| r.width).collect();
        assert_eq!(widths, [BAR_MAX, BAR_MAX / 2, 0]);
        assert_eq!(c.height, 3 * ROW + 4);
        let empty = chart("x", "X".into(), Vec::new());
        assert!(empty.rows.is_empty() && empty.height > 0);
    }

    #[test]
    fn long_lists_keep_the_twenty_largest_and_long_labels_are_cut() {
        let bars = (0..30)
            .map(|i| Bar {
                label: "x".repeat(50),
                value: f64::from(i),
                shown: i.to_string(),
            })
            .collect();
        let c = chart("n", "N".into(), bars);
        assert_eq!(c.rows.len(), 20);
        assert_eq!(c.rows[0].shown, "29");
        assert_eq!(c.rows[0].label.chars().count(), 32);
    }
}
