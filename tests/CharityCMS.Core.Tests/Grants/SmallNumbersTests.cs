using CharityCMS.Grants.Returns;

namespace CharityCMS.Core.Tests.Grants;

public class SmallNumbersTests
{
    private static Tally T(int count) => new(count, Enumerable.Range(1, count).Select(i => $"RWA-{i:D6} IDVA").ToList());

    private static AdditiveGroup Group(params int[] parts) => SmallNumbers.Group(parts.Select(T).ToList(), T(parts.Sum()));

    private static string[] Shown(AdditiveGroup group) => [.. group.Parts.Select(c => c.Shown), group.Total.Shown];

    [Theory]
    [InlineData(0, "0", false)]
    [InlineData(1, "<5", true)]
    [InlineData(4, "<5", true)]
    [InlineData(5, "5", false)]
    [InlineData(1234, "1,234", false)]
    public void A_count_from_1_to_4_is_shown_as_under_5_and_nothing_else_is(int count, string shown, bool suppressed)
    {
        var cell = SmallNumbers.Count(T(count));

        Assert.Equal((shown, suppressed), (cell.Shown, cell.Suppressed));
        Assert.Equal(suppressed ? null : count, cell.Value);
        Assert.Equal(suppressed ? 0 : count, cell.CaseReferences.Count);
    }

    [Fact]
    public void A_group_with_nothing_small_is_shown_as_it_is()
    {
        var group = Group(12, 7, 0, 5);

        Assert.Equal(["12", "7", "0", "5", "24"], Shown(group));
        Assert.False(group.HidSecondary);
    }

    [Fact]
    public void One_small_cell_in_a_group_hides_the_smallest_shown_cell_as_well()
    {
        // 3 alone could be worked out as 30 - 20 - 7; hiding the 7 (the smallest shown) leaves 10 between two hidden cells.
        var group = Group(20, 3, 7);

        Assert.Equal(["20", "<5", "*", "30"], Shown(group));
        Assert.True(group.HidSecondary);
        Assert.Empty(group.Parts[2].CaseReferences);
        Assert.Null(group.Parts[2].Value);
    }

    [Fact]
    public void On_a_tie_the_first_smallest_shown_cell_in_row_order_is_hidden()
    {
        Assert.Equal(["9", "*", "6", "<5", "23"], Shown(Group(9, 6, 6, 2)));
    }

    [Fact]
    public void Two_small_cells_summing_to_more_than_their_number_need_nothing_more()
    {
        // 2 + 3 = 5 hidden between two cells: a reader cannot tell which is which, or that either is 1.
        var group = Group(10, 2, 3, 8);

        Assert.Equal(["10", "<5", "<5", "8", "23"], Shown(group));
        Assert.False(group.HidSecondary);
    }

    [Fact]
    public void Two_small_cells_that_are_both_1_are_protected_by_hiding_another()
    {
        // Hidden total 2 over two cells: each must be 1. Hiding the 6 makes the hidden cells add up to 8.
        var group = Group(10, 1, 1, 6);

        Assert.Equal(["10", "<5", "<5", "*", "18"], Shown(group));
        Assert.True(group.HidSecondary);
    }

    [Fact]
    public void A_total_from_1_to_4_is_itself_hidden_and_needs_no_more()
    {
        var group = Group(2, 0, 1);

        Assert.Equal(["<5", "0", "<5", "<5"], Shown(group));
        Assert.False(group.HidSecondary);
    }

    [Fact]
    public void With_no_shown_cell_left_to_hide_the_total_is_hidden()
    {
        // Five clients, one in each of five groups: every cell is hidden and could only be 1, so the total goes too.
        var group = Group(1, 1, 1, 1, 1, 0);

        Assert.Equal(["<5", "<5", "<5", "<5", "<5", "0", "*"], Shown(group));
        Assert.True(group.HidSecondary);
    }

    [Fact]
    public void A_row_where_only_one_cell_is_small_hides_its_partner_so_the_measured_total_still_shows()
    {
        // The outcomes row: 9 measured, 7 improved, 2 not improved.
        var group = SmallNumbers.Group([T(7), T(2)], T(9));

        Assert.Equal(["*", "<5", "9"], Shown(group));
    }

    [Fact]
    public void Zeros_are_shown_and_never_hidden_to_protect_anything()
    {
        var group = Group(0, 0, 3, 0, 12);

        Assert.Equal(["0", "0", "<5", "0", "*", "15"], Shown(group));
    }

    [Fact]
    public void Counts_that_do_not_add_up_like_abuse_types_get_primary_suppression_only()
    {
        // Abuse types are counted one cell at a time with Count: nothing else in the section changes.
        var cells = new[] { 14, 3, 9, 0 }.Select(n => SmallNumbers.Count(T(n)).Shown);

        Assert.Equal(["14", "<5", "9", "0"], cells);
    }
}
