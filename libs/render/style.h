// Colors, font sizes and spacing shared by every part of the PDF.
#ifndef USAGE_RENDER_STYLE_H_
#define USAGE_RENDER_STYLE_H_

namespace usage::render {

// An RGB color with components in [0, 1].
struct Color {
  double red = 0;
  double green = 0;
  double blue = 0;
};

// Converts a 0xRRGGBB value to a Color.
constexpr Color Rgb(unsigned value) {
  return Color{((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
               (value & 0xff) / 255.0};
}

// A restrained palette: near-black text, grey secondary text, one blue
// accent, and muted green and red for trends.
inline constexpr Color kInk = Rgb(0x1f2933);
inline constexpr Color kMuted = Rgb(0x616e7c);
inline constexpr Color kRule = Rgb(0xcbd2d9);
inline constexpr Color kHairline = Rgb(0xe4e7eb);
inline constexpr Color kPanel = Rgb(0xf3f5f8);
inline constexpr Color kAccent = Rgb(0x2f5d8a);

// Chart series colors. Each kind of figure keeps its color in every chart.
inline constexpr Color kSeriesRecorded = kAccent;
inline constexpr Color kSeriesUploaded = Rgb(0x8fb3d9);
inline constexpr Color kSeriesEmpty = Rgb(0xc5ccd4);
inline constexpr Color kSeriesChat = Rgb(0xd9822b);
inline constexpr Color kSeriesDuration = Rgb(0x2f7d55);
// Duration drawn as bars under a line, light so the line stays visible.
inline constexpr Color kSeriesDurationBar = Rgb(0x9fcdb3);
inline constexpr Color kSeriesLogins = Rgb(0x6b5ca5);

// Word cloud colors, for the most frequent words first: dark blues, a teal
// and a slate grey that all stay readable at 9 pt on white.
inline constexpr Color kCloudColors[] = {Rgb(0x1f4e79), Rgb(0x2f6fa8),
                                         Rgb(0x2a7f7a), Rgb(0x52606d),
                                         Rgb(0x7b8794)};

// The same colors as Pango markup values, for spans inside markup.
inline constexpr char kMutedMarkup[] = "#616e7c";
inline constexpr char kAccentMarkup[] = "#2f5d8a";
inline constexpr char kUpMarkup[] = "#2f7d55";
inline constexpr char kDownMarkup[] = "#b23b3b";

// Font sizes in points.
inline constexpr double kTitleSize = 22;
inline constexpr double kSubtitleSize = 11;
inline constexpr double kHeadingSize = 12;
inline constexpr double kBodySize = 9;
inline constexpr double kSmallSize = 7.5;
inline constexpr double kTableHeaderSize = 7;
inline constexpr double kHeroValueSize = 20;
inline constexpr double kFigureValueSize = 13;

// Vertical space in points between a section and the next one.
inline constexpr double kSectionGap = 18;

}  // namespace usage::render

#endif  // USAGE_RENDER_STYLE_H_
