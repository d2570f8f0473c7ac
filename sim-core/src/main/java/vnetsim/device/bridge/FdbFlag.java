package vnetsim.device.bridge;

/**
 * The flags of one bridge FDB entry (net/bridge/br_private.h BR_FDB_*), in the words {@code bridge fdb show}
 * prints. Which entries age, roam and count against fdb_max_learned follows from these (br_fdb.c).
 */
public enum FdbFlag {
    /** BR_FDB_LOCAL: the bridge's or a port's own MAC; frames to it go up to the bridge device ("permanent"). */
    LOCAL("permanent"),
    /** BR_FDB_STATIC: never ages ({@code bridge fdb add ... static}; local entries are static too). */
    STATIC("static"),
    /** BR_FDB_STICKY: never moves to another port, whatever source it is seen from. */
    STICKY("sticky"),
    /** BR_FDB_ADDED_BY_USER: added with {@code bridge fdb add}. */
    ADDED_BY_USER("user"),
    /** BR_FDB_ADDED_BY_EXT_LEARN: installed by a driver or {@code extern_learn}; does not age, not counted. */
    EXTERN_LEARN("extern_learn"),
    /** BR_FDB_DYNAMIC_LEARNED: created by learning; counted against fdb_max_learned. */
    DYNAMIC_LEARNED("learned"),
    /** BR_FDB_LOCKED: learned on a locked port with MAB; the source may not send until authorised. */
    LOCKED("locked");

    private final String word;

    FdbFlag(final String word) {
        this.word = word;
    }

    /** The flag as {@code bridge fdb show} prints it ("permanent", "sticky", "locked"). */
    public String word() {
        return word;
    }

    int bit() {
        return 1 << ordinal();
    }
}
