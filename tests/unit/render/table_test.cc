#include "render/table.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::render {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(PlanRowPagesTest, NoRowsGiveNoPages) {
  EXPECT_THAT(PlanRowPages({}, 20, 100, 100), IsEmpty());
}

TEST(PlanRowPagesTest, RowsFillPagesInOrder) {
  // Page 1: 20 + 10 + 10 = 40 <= 45, a third row would need 50.
  // Page 2: 20 + 10 = 30.
  EXPECT_THAT(PlanRowPages({10, 10, 10}, 20, 45, 100), ElementsAre(2, 1));
}

TEST(PlanRowPagesTest, ExactFitStaysOnPage) {
  // 20 + 40 + 40 = 100.
  EXPECT_THAT(PlanRowPages({40, 40}, 20, 100, 100), ElementsAre(2));
}

TEST(PlanRowPagesTest, FullFirstPageTakesNoRow) {
  // 20 + 10 = 30 > 25, so the table starts on the next page.
  EXPECT_THAT(PlanRowPages({10}, 20, 25, 100), ElementsAre(0, 1));
}

TEST(PlanRowPagesTest, TallRowGetsPageOfItsOwn) {
  // Page 1: 20 + 10 = 30, and 30 + 200 > 100. Page 2: the 200 pt row alone,
  // because no page is taller. Page 3: the last row.
  EXPECT_THAT(PlanRowPages({10, 200, 10}, 20, 100, 100), ElementsAre(1, 1, 1));
}

TEST(PlanRowPagesTest, LaterPagesUseTheirOwnSpace) {
  // Page 1 has room for one row (20 + 30 = 50 <= 60). Later pages take
  // floor((120 - 20) / 30) = 3 rows each.
  EXPECT_THAT(PlanRowPages({30, 30, 30, 30, 30, 30, 30}, 20, 60, 120),
              ElementsAre(1, 3, 3));
}

}  // namespace
}  // namespace usage::render
