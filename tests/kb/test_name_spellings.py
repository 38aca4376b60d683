"""Round 11: standard English spellings of frequent Arabic name words and the fu'ail
pattern with و (hand-made names; none from gold-dev)."""
import pytest

from rasd.kb.translit import transliterate_name


@pytest.mark.parametrize("ar, en", [
    ("حسان علي", "Hassan Ali"),              # table: "hassen" (Tunisian label)
    ("بندر بن سلطان", "Bandar bin Sultan"),   # table: "bender" (Turkish label)
    ("عائشة", "Aisha"),                        # table: "ayshe"
    ("هلال", "Hilal"),                         # table: "helal"
    ("سعد الغامدي", "Saad al-Ghamdi"),          # model: "al-Gamdi"
    ("خالد العتيبي", "Khaled al-Otaibi"),       # model: "al-Ataibe"
    ("علي القرني", "Ali al-Qarni"),             # model: "al-Garaney"
    ("بشار الأسد", "Bashar al-Assad"),          # stem table: "asad"
    ("عمر الحسن", "Omar al-Hassan"),            # table: "alhassane" (glued label)
])
def test_frequent_name_words(ar, en):
    assert transliterate_name(ar) == en


def test_maghreb_keeps_table_form():
    # A Tunisian document keeps the local (French) spelling of the name word.
    assert transliterate_name("حسان", "TN") == "Hassen"
    assert transliterate_name("حسان", "SA") == "Hassan"


@pytest.mark.parametrize("ar, en", [
    ("السويلم", "Al-Suwailem"),   # model: "al-Sowilem"
    ("الرويلي", "Al-Ruwaili"),    # model: "al-Roilli"
    ("الدويش", "Al-Duwaish"),     # model: "al-Doish"
    ("العويس", "Al-Owais"),       # model: "al-Ouis"
    ("السويل", "Al-Suwail"),      # stem table "sowell" (the English surname)
])
def test_fuail_with_waw(ar, en):
    assert transliterate_name(ar) == en


def test_fuail_needs_article_and_pattern():
    # No article: not read as the Arabic pattern (foreign words like تويتر keep theirs).
    assert "uwai" not in transliterate_name("تويتر").lower()
    # و not followed by ي: untouched.
    assert "uwai" not in transliterate_name("السور").lower()
