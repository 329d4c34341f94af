import { redirect } from "next/navigation";

export default function BuyerHome() {
  redirect("/buyer/wallet");
}
