use super::*;

#[test]
fn headings_in_their_variants() {
    assert!(matches!(
        classify("【区の目標(何をめざすのか)】"),
        Line::Goal(_)
    ));
    assert!(matches!(classify("目標（何をめざすのか）"), Line::Goal(_)));
    assert!(matches!(classify("１　区の使命"), Line::Mission(_)));
    assert!(matches!(
        classify("【令和４年度 区運営の基本的な考え方(区長の方針)】"),
        Line::Policy(_)
    ));
    assert!(matches!(
        classify("1 重点的に取り組む主な経営課題"),
        Line::Issues(_)
    ));
    assert_eq!(
        classify("【経営課題２】子育てを応援するまちづくり"),
        Line::Issue {
            number: 2,
            title: "子育てを応援するまちづくり".to_owned(),
            printed: "【経営課題{番号}】{名称}".to_owned()
        }
    );
    assert!(matches!(
        classify("【戦略 ２－１ 安心して子育てできる環境づくり】"),
        Line::Strategy { number: [2, 1], .. }
    ));
    assert_eq!(
        classify("【2-1-2 児童虐待防止対策】(予算額 13,989千円)"),
        Line::Initiative {
            number: [2, 1, 2],
            title: "児童虐待防止対策".to_owned(),
            budget: Some(13_989)
        }
    );
    assert!(matches!(
        classify("《主な戦略》"),
        Line::StrategyLabel { main: true, .. }
    ));
    assert!(matches!(
        classify("主な戦略(課題解決の方策)"),
        Line::StrategyLabel { main: true, .. }
    ));
    assert!(matches!(
        classify("《具体的取組》"),
        Line::InitiativeLabel { main: false, .. }
    ));
    assert_eq!(classify("課題認識"), Line::Field(&f::DESCRIPTION));
    assert_eq!(classify("  • Facebookでシェア"), Line::Furniture);
    assert_eq!(classify("ページ番号:565550"), Line::Furniture);
    assert_eq!(
        classify("令和4年度鶴見区運営方針"),
        Line::Title {
            year: 2022,
            ward: "鶴見区".to_owned(),
            stage: crate::model::Stage::Adopted,
        }
    );
    assert_eq!(
        classify("令和6年度 鶴見区運営方針（素案）"),
        Line::Title {
            year: 2024,
            ward: "鶴見区".to_owned(),
            stage: crate::model::Stage::Draft,
        }
    );
    assert!(matches!(
        classify("・地域で支える。"),
        Line::Bullet {
            numbered: false,
            ..
        }
    ));
    assert!(matches!(
        classify("① 地域で支える。"),
        Line::Bullet { numbered: true, .. }
    ));
    assert_eq!(
        classify("- 健康で安心して暮らせるまち"),
        Line::Bullet {
            text: "健康で安心して暮らせるまち".to_owned(),
            numbered: false
        }
    );
    assert!(matches!(
        classify("「目標」「使命」及び「所属運営の基本的な考え方」"),
        Line::Group(_)
    ));
    assert!(matches!(
        classify("区の目標と使命を職員で共有する。"),
        Line::Text(_)
    ));
}
