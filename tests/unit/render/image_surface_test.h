// A test fixture with a small cairo image surface: enough to lay out text,
// count missing glyphs and read glyph positions, without writing a PDF.
#ifndef USAGE_TESTS_UNIT_RENDER_IMAGE_SURFACE_TEST_H_
#define USAGE_TESTS_UNIT_RENDER_IMAGE_SURFACE_TEST_H_

#include <cairo.h>

#include "gtest/gtest.h"

namespace usage::render {

class ImageSurfaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    surface_ = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10);
    cr_ = cairo_create(surface_);
  }
  void TearDown() override {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
};

}  // namespace usage::render

#endif  // USAGE_TESTS_UNIT_RENDER_IMAGE_SURFACE_TEST_H_
